import { backoffMs } from '@ccsc/platform/backoff';
import { nextAttemptAfterFailure, RetrySchedule } from './retry-schedule';

const schedule: RetrySchedule = { firstDelayMs: 30_000, maxDelayMs: 3_600_000, windowMs: 86_400_000 };
const start = new Date('2031-01-01T00:00:00Z');

describe('webhook retry schedule', () => {
  it('doubles the wait after each failure, up to the longest wait', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffMs(schedule, n))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
    expect(backoffMs(schedule, 10_000)).toBe(3_600_000);
  });

  it('jitters each wait between half and all of the backoff', () => {
    const at = (random: number) => nextAttemptAfterFailure(schedule, 3, start, start, () => random)!.getTime();
    expect(at(0) - start.getTime()).toBe(60_000);
    expect(at(1) - start.getTime()).toBe(120_000);
    expect(at(0.5) - start.getTime()).toBe(90_000);
  });

  it('keeps retrying within the window and parks once the next try would fall after it', () => {
    const now = new Date(start.getTime() + schedule.windowMs - 1_000);
    expect(nextAttemptAfterFailure(schedule, 12, start, now, () => 0)).toBeUndefined();
    expect(nextAttemptAfterFailure(schedule, 1, start, new Date(start.getTime() + 1000), () => 1)).toEqual(
      new Date(start.getTime() + 31_000),
    );
  });

  it('keeps trying through the default day, each wait at most the longest one', () => {
    let now = start;
    let failures = 0;
    for (;;) {
      failures += 1;
      const next = nextAttemptAfterFailure(schedule, failures, start, now, () => 1);
      if (!next) break;
      now = next;
    }
    expect(failures).toBeGreaterThan(20);
    expect(now.getTime() - start.getTime()).toBeLessThanOrEqual(schedule.windowMs);
  });
});
