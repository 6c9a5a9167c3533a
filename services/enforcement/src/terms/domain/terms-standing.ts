import type { LocalDate } from '@ccsc/calendar';
import { expectedBy, expectedSchedule, type ExpectedPayment, type PaymentTerms } from './payment-terms';

/** An account against its payment terms. */
export interface AccountStanding {
  imposedPence: number;
  /** Paid and written off: what no longer has to be paid. */
  creditedPence: number;
  /**
   * What had been credited when the terms were set. Terms are a fresh start for what was left then: money
   * paid before a variation is not a credit against the new instalments, or a defendant who had paid half
   * would owe nothing under new terms for as many weeks as that half buys.
   */
  creditedBeforeTermsPence: number;
  terms: PaymentTerms;
}

/**
 * What the terms pay (what was left when they were set, plus anything imposed since) and what has gone
 * towards it since. Money credited before the terms and taken back since (a cheque that bounced) was never
 * paid, so it joins what the terms pay, at their end, rather than falling due at once.
 */
function underTerms(a: AccountStanding): { totalPence: number; creditedPence: number } {
  const before = Math.min(a.creditedBeforeTermsPence, a.creditedPence);
  return { totalPence: Math.max(0, a.imposedPence - before), creditedPence: a.creditedPence - before };
}

/** The payments the terms expect, from their first, over what they pay. */
export const scheduleOf = (a: AccountStanding): ExpectedPayment[] =>
  expectedSchedule(a.terms, underTerms(a).totalPence);

/**
 * What the terms asked for before `day` and has not been paid: the default run's arrears on that day (the
 * same rule in SQL), with what has been credited since.
 */
export function arrearsOn(a: AccountStanding, day: LocalDate): number {
  const { totalPence, creditedPence } = underTerms(a);
  return Math.max(0, expectedBy(a.terms, totalPence, day) - creditedPence);
}

/** The day of the first scheduled payment before `day` that what was credited does not cover, if any. */
export function missedSince(a: AccountStanding, day: LocalDate): LocalDate | undefined {
  const { creditedPence } = underTerms(a);
  return scheduleOf(a).find((p) => p.dueOn < day && p.cumulativePence > creditedPence)?.dueOn;
}

/**
 * The next scheduled payment due on or after `day` that is not yet covered by what was credited, and the
 * part of it still to pay (payments made early count against the earliest payments first).
 */
export function nextPayment(a: AccountStanding, day: LocalDate): { amountPence: number; dueOn: LocalDate } | undefined {
  const { creditedPence } = underTerms(a);
  const next = scheduleOf(a).find((p) => p.dueOn >= day && p.cumulativePence > creditedPence);
  if (!next) return undefined;
  return { amountPence: Math.min(next.amountPence, next.cumulativePence - creditedPence), dueOn: next.dueOn };
}

/** Everything still owed: imposed less paid and written off. */
export const balanceOf = (a: Pick<AccountStanding, 'imposedPence' | 'creditedPence'>): number =>
  Math.max(0, a.imposedPence - a.creditedPence);
