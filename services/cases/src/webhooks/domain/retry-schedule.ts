import { backoffMs, type Backoff } from '@ccsc/platform/backoff';

/** When a failed delivery is tried again: exponential backoff with jitter, within a window, then parked. */
export interface RetrySchedule extends Backoff {
  /** How long after the first attempt (or a replay) retries go on; then the delivery is parked. */
  windowMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  firstDelayMs: 30_000,
  maxDelayMs: 3 * 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
};

/**
 * When to try again after `failures` failed attempts, or undefined to park: the next try would fall
 * after the window. The wait is jittered between half and all of the backoff, so receivers that
 * failed together (an outage) are not all called again in the same instant.
 */
export function nextAttemptAfterFailure(
  schedule: RetrySchedule,
  failures: number,
  windowStartedAt: Date,
  now: Date,
  random: () => number = Math.random,
): Date | undefined {
  const backoff = backoffMs(schedule, failures);
  const wait = Math.round(backoff / 2 + (backoff / 2) * random());
  const next = new Date(now.getTime() + wait);
  return next.getTime() > windowStartedAt.getTime() + schedule.windowMs ? undefined : next;
}
