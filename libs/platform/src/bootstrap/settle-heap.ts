import { performance } from 'node:perf_hooks';

type CollectGarbage = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

const MiB = 2 ** 20;
/** How often an idle process looks at whether it holds memory it no longer needs. */
export const IDLE_CHECK_MS = 10_000;
/** Idle: the event loop was busy for at most this share of the last check's interval. */
export const IDLE_UTILISATION = 0.02;
/** Worth a collection: resident memory grew by at least this much since the last one. */
export const SETTLE_GROWTH_BYTES = 16 * MiB;

function exposedGc(): CollectGarbage | undefined {
  return (globalThis as { gc?: CollectGarbage }).gc;
}

/**
 * One compacting collection, giving freed pages back to the system; a no-op unless node was started with
 * `--expose-gc`, as the images start it (PRODUCTION_NODE_FLAGS).
 *
 * Start-up leaves tens of megabytes of garbage (modules compiled, the GraphQL schema and the OpenAPI
 * document built, clients connected) in a heap V8 grew to hold it, and a burst of requests leaves the heap
 * as large as its busiest moment; nothing collects either while the process waits for work, so each
 * service stayed about 30 MB larger after start-up and at its peak after a burst. The last-resort flavour
 * compacts and gives the pages back; a regular major collection freed the objects but kept the pages
 * (docs/decisions.md, "The heap is settled after start-up and when idle").
 */
export function settleHeap(): void {
  exposedGc()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** Whether an idle check should collect: the process was idle, and has grown enough since it last settled. */
export function shouldSettle(utilisation: number, grownBytes: number): boolean {
  return utilisation <= IDLE_UTILISATION && grownBytes >= SETTLE_GROWTH_BYTES;
}

/**
 * Settles the heap now, then again whenever the process has been idle for a check's interval after growing
 * (a burst over, consumers joined after start-up): the pause, tens of milliseconds, falls where the event
 * loop had nothing to do. Returns the stop; the timer never keeps the process alive.
 */
export function settleHeapWhenIdle(): () => void {
  if (!exposedGc()) return () => undefined;
  settleHeap();
  let settledRss = process.memoryUsage.rss();
  let since = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, since);
    since = now;
    const rss = process.memoryUsage.rss();
    if (!shouldSettle(utilization, rss - settledRss)) {
      // A process that shrank on its own (V8 gave pages back) measures later growth from there.
      settledRss = Math.min(settledRss, rss);
      return;
    }
    settleHeap();
    settledRss = process.memoryUsage.rss();
    since = performance.eventLoopUtilization();
  }, IDLE_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
