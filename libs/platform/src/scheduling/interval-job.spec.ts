import { IntervalJob } from './interval-job';

describe('IntervalJob', () => {
  afterEach(() => jest.useRealTimers());

  it('runs on its interval, never two runs at once, and retries after a failure', async () => {
    jest.useFakeTimers();
    let runs = 0;
    let release: () => void = () => undefined;
    const job = new IntervalJob('test run', 1_000, () => {
      runs++;
      if (runs === 1) return Promise.reject(new Error('database away'));
      return new Promise<void>((resolve) => (release = resolve));
    });
    job.start();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    // The second run is still going: later ticks do not start a third.
    await jest.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(2);
    release();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(3);
    const stopping = job.stop();
    release();
    await stopping;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(3);
  });

  it('does nothing with an interval of 0', async () => {
    jest.useFakeTimers();
    const work = jest.fn(() => Promise.resolve());
    const job = new IntervalJob('off', 0, work);
    job.start();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(work).not.toHaveBeenCalled();
    await job.stop();
  });
});
