import { IDLE_UTILISATION, SETTLE_GROWTH_BYTES, settleHeap, settleHeapWhenIdle, shouldSettle } from './settle-heap';

describe('settling the heap', () => {
  const global = globalThis as { gc?: unknown };
  const exposed = global.gc;
  afterEach(() => {
    global.gc = exposed;
    jest.useRealTimers();
  });

  it('asks for one synchronous, compacting (last-resort) major collection when node exposes gc', () => {
    const gc = jest.fn();
    global.gc = gc;
    settleHeap();
    expect(gc).toHaveBeenCalledTimes(1);
    expect(gc).toHaveBeenCalledWith({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  });

  it('does nothing where node was started without --expose-gc (tests, npm start)', () => {
    delete global.gc;
    expect(() => settleHeap()).not.toThrow();
    const stop = settleHeapWhenIdle();
    expect(() => stop()).not.toThrow();
  });

  it('collects when idle only after the process has grown enough since it last settled', () => {
    expect(shouldSettle(0, SETTLE_GROWTH_BYTES)).toBe(true);
    expect(shouldSettle(IDLE_UTILISATION, SETTLE_GROWTH_BYTES * 2)).toBe(true);
    expect(shouldSettle(0, SETTLE_GROWTH_BYTES - 1)).toBe(false);
    expect(shouldSettle(0.5, SETTLE_GROWTH_BYTES * 4)).toBe(false);
  });

  it('settles at once, then checks on an interval that never keeps the process alive', () => {
    jest.useFakeTimers();
    const gc = jest.fn();
    global.gc = gc;
    const stop = settleHeapWhenIdle();
    expect(gc).toHaveBeenCalledTimes(1);
    stop();
    jest.advanceTimersByTime(60_000);
    expect(gc).toHaveBeenCalledTimes(1);
  });
});
