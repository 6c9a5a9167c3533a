import type { LocalDate } from '@ccsc/calendar';
import { expectedBy, expectedSchedule, type PaymentTerms } from '../../terms/domain/payment-terms';

/** What a notice says about an account: its money and terms, without anyone's name or address. */
export interface AccountStanding {
  imposedPence: number;
  /** Paid and written off: what no longer has to be paid. */
  creditedPence: number;
  terms: PaymentTerms;
}

/** Everything still owed: imposed less paid and written off. */
export const balanceOf = (a: AccountStanding): number => Math.max(0, a.imposedPence - a.creditedPence);

/**
 * What the terms asked for before `day` and has not been paid: the default run's arrears on that day
 * (the same `expectedBy` rule, so a notice and the run never disagree), with what has been credited since.
 */
export const arrearsOn = (a: AccountStanding, day: LocalDate): number =>
  Math.max(0, expectedBy(a.terms, a.imposedPence, day) - a.creditedPence);

/** The day of the first scheduled payment before `day` that what was credited does not cover, if any. */
export function missedSince(a: AccountStanding, day: LocalDate): LocalDate | undefined {
  return expectedSchedule(a.terms, a.imposedPence).find((p) => p.dueOn < day && p.cumulativePence > a.creditedPence)
    ?.dueOn;
}

/**
 * The next scheduled payment due on or after `day` that is not yet covered by what was credited, and the
 * part of it still to pay (payments made early count against the earliest payments first).
 */
export function nextPayment(a: AccountStanding, day: LocalDate): { amountPence: number; dueOn: LocalDate } | undefined {
  const next = expectedSchedule(a.terms, a.imposedPence).find(
    (p) => p.dueOn >= day && p.cumulativePence > a.creditedPence,
  );
  if (!next) return undefined;
  return { amountPence: Math.min(next.amountPence, next.cumulativePence - a.creditedPence), dueOn: next.dueOn };
}
