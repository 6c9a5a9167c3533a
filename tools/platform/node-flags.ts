/**
 * The flags the images give node (the Dockerfile's CMD; tools/deploy-files.spec.ts keeps the two the same).
 *
 * `--max-semi-space-size=8` (MB): V8 sizes the young generation by the machine, and on Node 26 each service
 * kept about 60 MB of it committed while idle, holding under 1 MB. At 8 MB a semi-space a service idles about
 * 45 MB smaller for a few per cent more CPU under load; at 4 MB, 10 MB smaller again but 11% more CPU and a
 * second longer to boot (`npm run bench -- memory`, docs/decisions.md "The young generation is capped").
 *
 * `--expose-gc`: each process collects once when start-up is done and again when idle after its heap grew
 * (`settleHeapWhenIdle`), which gave back 30-50 MB of resident memory per process (docs/decisions.md "The heap
 * is settled after start-up and when idle"); nothing else calls it.
 */
export const PRODUCTION_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--expose-gc'];
