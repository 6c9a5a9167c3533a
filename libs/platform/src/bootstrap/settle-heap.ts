import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

type CollectGarbage = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

const MiB = 2 ** 20;
/** How often an idle process looks at whether it holds memory it no longer needs. */
export const IDLE_CHECK_MS = 10_000;
/** Idle: the event loop was busy for at most this share of the last check's interval. */
export const IDLE_UTILISATION = 0.02;
/** Worth a collection: the heap V8 has committed grew by at least this much since the last one. */
export const SETTLE_GROWTH_BYTES = 16 * MiB;

/** What one collection took and gave back, for the process's log. */
export interface Settled {
  pauseMs: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
}

function exposedGc(): CollectGarbage | undefined {
  return (globalThis as { gc?: CollectGarbage }).gc;
}

const committedHeap = () => getHeapStatistics().total_heap_size;

/**
 * One compacting collection, giving the freed pages back to the system; nothing unless node was started
 * with `--expose-gc`, as the images start it (IMAGE_RUNTIME, tools/platform/node-flags.ts).
 *
 * Start-up leaves tens of megabytes of garbage (modules compiled, the GraphQL schema and the OpenAPI
 * document built, clients connected) in a heap V8 grew to hold it, and a burst of requests leaves the heap
 * as large as its busiest moment; nothing collects either while the process waits for work. The
 * last-resort flavour compacts and gives the pages back; a regular major collection freed the objects but
 * kept the pages (docs/decisions.md, "The heap is settled after start-up and when idle").
 */
export function settleHeap(): Settled | undefined {
  const gc = exposedGc();
  if (!gc) return undefined;
  const heapBeforeBytes = committedHeap();
  const started = performance.now();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return { pauseMs: performance.now() - started, heapBeforeBytes, heapAfterBytes: committedHeap() };
}

/** Whether an idle check should collect: the process was idle, and its heap grew enough since it last settled. */
export function shouldSettle(utilisation: number, grownBytes: number): boolean {
  return utilisation <= IDLE_UTILISATION && grownBytes >= SETTLE_GROWTH_BYTES;
}

/**
 * Settles the heap now, then again whenever the process has been idle for a check's interval after its heap
 * grew (a burst over, consumers joined after start-up): the pause falls where the event loop had next to
 * nothing to do. Each collection is reported to `settled`. Returns the stop; the timer never keeps the
 * process alive.
 */
export function settleHeapWhenIdle(settled: (outcome: Settled) => void = () => undefined): () => void {
  if (!exposedGc()) return () => undefined;
  const collect = () => {
    const outcome = settleHeap();
    if (outcome) settled(outcome);
    return committedHeap();
  };
  let settledHeap = collect();
  let since = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, since);
    since = now;
    const heap = committedHeap();
    if (!shouldSettle(utilization, heap - settledHeap)) {
      // A heap that shrank on its own (V8 gave pages back) measures later growth from there.
      settledHeap = Math.min(settledHeap, heap);
      return;
    }
    settledHeap = collect();
    since = performance.eventLoopUtilization();
  }, IDLE_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
