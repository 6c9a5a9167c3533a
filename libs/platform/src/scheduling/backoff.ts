/** How long to wait before retrying: the first wait, doubled after each further failure, never beyond a ceiling. */
export interface Backoff {
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * The wait after `failures` failed attempts (1 is the first failure), before any jitter. The one
 * exponential backoff of the retries a service schedules for itself (webhook deliveries, letters and
 * emails), so they grow and cap alike.
 */
export function backoffMs(backoff: Backoff, failures: number): number {
  const exponent = Math.max(0, failures - 1);
  // 2 ** 40 times any first wait is past any ceiling; stop doubling before the number loses meaning.
  return Math.min(backoff.firstDelayMs * 2 ** Math.min(exponent, 40), backoff.maxDelayMs);
}
