import * as v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import {
  IDLE_CHECK_MS,
  IDLE_UTILISATION,
  SETTLE_GROWTH_BYTES,
  settleHeap,
  settleHeapWhenIdle,
  shouldSettle,
} from './settle-heap';

jest.mock('node:v8', () => ({ ...jest.requireActual<typeof v8>('node:v8'), getHeapStatistics: jest.fn() }));

describe('settling the heap', () => {
  const global = globalThis as { gc?: unknown };
  const exposed = global.gc;
  let heap: number;
  let busy: number;
  beforeEach(() => {
    heap = 100 * 2 ** 20;
    busy = 0;
    jest.mocked(v8.getHeapStatistics).mockImplementation(() => ({ total_heap_size: heap }) as v8.HeapInfo);
    jest.spyOn(performance, 'eventLoopUtilization').mockImplementation(() => ({
      idle: 0,
      active: 0,
      utilization: busy,
    }));
  });
  afterEach(() => {
    global.gc = exposed;
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('asks for one synchronous, compacting (last-resort) major collection, and says what it took and gave back', () => {
    const gc = jest.fn(() => (heap -= 30 * 2 ** 20));
    global.gc = gc;
    const outcome = settleHeap();
    expect(gc).toHaveBeenCalledTimes(1);
    expect(gc).toHaveBeenCalledWith({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    expect(outcome).toEqual({
      pauseMs: expect.any(Number),
      heapBeforeBytes: 100 * 2 ** 20,
      heapAfterBytes: 70 * 2 ** 20,
    });
  });

  it('does nothing where node was started without --expose-gc (tests, npm start)', () => {
    delete global.gc;
    expect(settleHeap()).toBeUndefined();
    const settled = jest.fn();
    const stop = settleHeapWhenIdle(settled);
    stop();
    expect(settled).not.toHaveBeenCalled();
  });

  it('collects when idle only after the heap has grown enough since it last settled', () => {
    expect(shouldSettle(0, SETTLE_GROWTH_BYTES)).toBe(true);
    expect(shouldSettle(IDLE_UTILISATION, SETTLE_GROWTH_BYTES * 2)).toBe(true);
    expect(shouldSettle(0, SETTLE_GROWTH_BYTES - 1)).toBe(false);
    expect(shouldSettle(0.5, SETTLE_GROWTH_BYTES * 4)).toBe(false);
  });

  it('settles at once, then after a burst once the process is idle, and never while it is busy', () => {
    jest.useFakeTimers();
    const gc = jest.fn();
    global.gc = gc;
    const settled = jest.fn();
    const stop = settleHeapWhenIdle(settled);
    expect(gc).toHaveBeenCalledTimes(1);
    expect(settled).toHaveBeenCalledTimes(1);

    // A burst: the heap grows while the event loop is busy.
    heap += 2 * SETTLE_GROWTH_BYTES;
    busy = 0.6;
    jest.advanceTimersByTime(IDLE_CHECK_MS);
    expect(gc).toHaveBeenCalledTimes(1);

    // Quiet again: the next check collects, and the one after has nothing to give back.
    busy = 0.01;
    jest.advanceTimersByTime(IDLE_CHECK_MS);
    expect(gc).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(IDLE_CHECK_MS);
    expect(gc).toHaveBeenCalledTimes(2);

    // Growth too small to be worth a pause is left alone.
    heap += SETTLE_GROWTH_BYTES / 2;
    jest.advanceTimersByTime(IDLE_CHECK_MS);
    expect(gc).toHaveBeenCalledTimes(2);

    stop();
    heap += 4 * SETTLE_GROWTH_BYTES;
    jest.advanceTimersByTime(4 * IDLE_CHECK_MS);
    expect(gc).toHaveBeenCalledTimes(2);
  });

  it('keeps no process alive: its timer is unreferenced', () => {
    global.gc = jest.fn();
    const unref = jest.fn();
    jest.spyOn(global as typeof globalThis, 'setInterval').mockReturnValue({ unref } as unknown as NodeJS.Timeout);
    jest.spyOn(global as typeof globalThis, 'clearInterval').mockImplementation(() => undefined);
    settleHeapWhenIdle()();
    expect(unref).toHaveBeenCalledTimes(1);
  });
});
