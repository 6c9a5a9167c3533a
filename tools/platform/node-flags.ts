/**
 * The flags the images give node (the Dockerfile's CMD; tools/deploy-files.spec.ts keeps the two the same).
 *
 * `--max-semi-space-size=8` (MB): V8 sizes the young generation by the machine, and on Node 26 each service
 * kept about 60 MB of it committed while idle, holding under 1 MB. At 8 MB a semi-space a service idles about
 * 45 MB smaller for a few per cent more CPU under load; at 4 MB, 10 MB smaller again but 11% more CPU and a
 * second longer to boot (`npm run bench -- memory`, docs/decisions.md "The young generation is capped").
 */
export const PRODUCTION_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
