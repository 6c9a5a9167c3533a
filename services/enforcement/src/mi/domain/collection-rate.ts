/**
 * What was collected as a share of what it is measured against, from 0 to 1 for a rate, to four decimal
 * places; undefined when there is nothing to measure against. One rounding for every collection figure
 * of the service, so the book's rate (paid against what is collectable, mi/) and a period's flow ratio
 * (collected against imposed in the period, management-information/) never disagree in the last digit.
 */
export function collectionRate(collectedPence: number, againstPence: number): number | undefined {
  return againstPence > 0 ? Math.round((collectedPence / againstPence) * 10_000) / 10_000 : undefined;
}

/** A rate as a percentage, to two decimal places (the four of the rate, so nothing is rounded twice). */
export function ratePercent(rate: number): number {
  return Math.round(rate * 10_000) / 100;
}
