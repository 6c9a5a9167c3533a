import { addDays, LocalDate } from '@ccsc/calendar';
import { BadUserInputError, FieldError } from '@ccsc/platform/errors';
import { Frequency, MAX_INSTALMENTS, PaymentTerms } from './payment-terms';

export interface MeansAssessment {
  /** Weekly figures, in pence. */
  weeklyIncomePence: number;
  weeklyOutgoingsPence: number;
  dependants: number;
}

/** What each dependant needs each week before anything goes to the fine. */
export const DEPENDANT_ALLOWANCE_PENCE = 3_000;
/** Half of what is left after outgoings and dependants goes to the account. */
export const AFFORDABLE_SHARE = 0.5;
/** The least instalment set, even on benefits (the deduction from benefits is about this). */
export const MINIMUM_WEEKLY_INSTALMENT_PENCE = 500;
const WEEKS_PER_PERIOD: Record<Frequency, number> = { weekly: 1, fortnightly: 2, monthly: 52 / 12 };

export function checkMeans(means: MeansAssessment): MeansAssessment {
  const problems: FieldError[] = [];
  for (const field of ['weeklyIncomePence', 'weeklyOutgoingsPence', 'dependants'] as const) {
    if (!Number.isInteger(means[field]) || means[field] < 0)
      problems.push({ field, message: 'must be a whole number, zero or more' });
  }
  if (problems.length) throw new BadUserInputError('Invalid means assessment', problems);
  return means;
}

export function weeklyDisposablePence(means: MeansAssessment): number {
  return Math.max(
    0,
    means.weeklyIncomePence - means.weeklyOutgoingsPence - means.dependants * DEPENDANT_ALLOWANCE_PENCE,
  );
}

/**
 * Affordable terms for a balance: in full within 28 days when four weeks of the affordable share
 * cover it, otherwise instalments of that share (whole pounds, never below the minimum) at the
 * frequency asked for, starting a week from the assessment; never less than clears the balance in the
 * most instalments terms may have (`MAX_INSTALMENTS`), so the proposal is always terms an officer may set
 * (where that is more than the share, the officer decides whether to refer the account to court instead).
 */
export function proposeTerms(
  means: MeansAssessment,
  balancePence: number,
  assessedOn: LocalDate,
  frequency: Frequency = 'weekly',
): PaymentTerms {
  const weekly = Math.floor(weeklyDisposablePence(checkMeans(means)) * AFFORDABLE_SHARE);
  if (weekly * 4 >= balancePence) return { kind: 'pay-by-date', payBy: addDays(assessedOn, 28) };
  const perPeriod = Math.max(
    MINIMUM_WEEKLY_INSTALMENT_PENCE * WEEKS_PER_PERIOD[frequency],
    weekly * WEEKS_PER_PERIOD[frequency],
  );
  const clearsInTime = Math.ceil(balancePence / MAX_INSTALMENTS[frequency] / 100) * 100;
  const instalmentPence = Math.max(100, Math.floor(perPeriod / 100) * 100, clearsInTime);
  // One instalment would pay it all: a day to pay by is the terms, as no instalment may be more than is owed.
  if (instalmentPence >= balancePence) return { kind: 'pay-by-date', payBy: addDays(assessedOn, 28) };
  return { kind: 'instalments', frequency, instalmentPence, firstInstalment: addDays(assessedOn, 7) };
}
