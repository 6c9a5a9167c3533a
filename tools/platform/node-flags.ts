/** How node runs an app: its flags and the environment the C library reads. */
export interface NodeRuntime {
  readonly flags: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * How the images run node (the Dockerfile's CMD and ENV; tools/deploy-files.spec.ts keeps them the same), and so
 * how the benchmarks measure the apps.
 *
 * `--max-semi-space-size=8` (MB): V8 sizes the young generation by the machine, and on Node 26 each service
 * kept about 60 MB of it committed while idle, holding under 1 MB. At 8 MB a semi-space a service idles about
 * 45 MB smaller for a few per cent more CPU under load; at 4 MB, 10 MB smaller again but 11% more CPU and a
 * second longer to boot (`npm run bench -- memory`, docs/decisions.md "The young generation is capped").
 *
 * `--expose-gc`: each process collects once when start-up is done and again when idle after its heap grew
 * (`settleHeapWhenIdle`), which gave back 30-50 MB of resident memory per process (docs/decisions.md "The heap
 * is settled after start-up and when idle"); nothing else calls it.
 *
 * `MALLOC_ARENA_MAX=1`: glibc gives each thread that allocates (libuv's pool, V8's workers) an arena of its own,
 * kept once touched; the JavaScript runs on one thread, and one arena left each service about 3 MB smaller
 * (docs/decisions.md "One malloc arena; the gateway's pages load when first opened").
 */
export const IMAGE_RUNTIME: NodeRuntime = {
  flags: ['--max-semi-space-size=8', '--expose-gc'],
  env: { MALLOC_ARENA_MAX: '1' },
};

/** The runtime as a shell line, for reports: `MALLOC_ARENA_MAX=1 node --max-semi-space-size=8 --expose-gc`. */
export function runtimeLine(runtime: NodeRuntime): string {
  return [...Object.entries(runtime.env).map(([name, value]) => `${name}=${value}`), 'node', ...runtime.flags].join(
    ' ',
  );
}
