import { addDays, isSupportedLocalDate, LocalDate, localDate, parseLocalDate } from '@ccsc/calendar';
import { BadUserInputError, FieldError } from '@ccsc/platform/errors';

export const FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Pay everything by a date, or instalments from a first date with an optional lump sum first. */
export type PaymentTerms =
  | { kind: 'pay-by-date'; payBy: LocalDate }
  | {
      kind: 'instalments';
      frequency: Frequency;
      instalmentPence: number;
      firstInstalment: LocalDate;
      lumpSumPence?: number;
      lumpSumDue?: LocalDate;
    };

export const DEFAULT_DAYS_TO_PAY = 28;

export function defaultTerms(openedOn: LocalDate): PaymentTerms {
  return { kind: 'pay-by-date', payBy: addDays(openedOn, DEFAULT_DAYS_TO_PAY) };
}

/** Checks terms as an officer gave them; every problem named against its field. */
export function checkTerms(terms: PaymentTerms, field = 'terms'): PaymentTerms {
  const problems: FieldError[] = [];
  if (terms.kind === 'pay-by-date') {
    if (!isSupportedLocalDate(terms.payBy))
      problems.push({ field: `${field}.payBy`, message: 'must be a calendar day as YYYY-MM-DD' });
  } else {
    if (!FREQUENCIES.includes(terms.frequency))
      problems.push({ field: `${field}.frequency`, message: `must be one of ${FREQUENCIES.join(', ')}` });
    if (!Number.isInteger(terms.instalmentPence) || terms.instalmentPence < 1)
      problems.push({ field: `${field}.instalmentPence`, message: 'must be a positive whole number of pence' });
    if (!isSupportedLocalDate(terms.firstInstalment))
      problems.push({ field: `${field}.firstInstalment`, message: 'must be a calendar day as YYYY-MM-DD' });
    const lump = terms.lumpSumPence !== undefined;
    if (lump !== (terms.lumpSumDue !== undefined))
      problems.push({ field: `${field}.lumpSumDue`, message: 'a lump sum needs both an amount and a due date' });
    if (lump && !(Number.isInteger(terms.lumpSumPence) && (terms.lumpSumPence ?? 0) >= 1))
      problems.push({ field: `${field}.lumpSumPence`, message: 'must be a positive whole number of pence' });
    if (terms.lumpSumDue !== undefined && !isSupportedLocalDate(terms.lumpSumDue))
      problems.push({ field: `${field}.lumpSumDue`, message: 'must be a calendar day as YYYY-MM-DD' });
  }
  if (problems.length) throw new BadUserInputError('Invalid payment terms', problems);
  return terms;
}

/** How far ahead terms may start: three years, the longest sentencing guidance allows for paying a fine. */
export const TERMS_START_WITHIN_MONTHS = 36;
/** The most instalments terms may take to clear what is owed: ten years' worth. */
export const MAX_INSTALMENTS: Record<Frequency, number> = { weekly: 522, fortnightly: 261, monthly: 120 };

/**
 * Checks well-formed terms against the account they are set on, on `today` (London): they start today or
 * later (a day already past would put the account in default on the next run) and within three years, a lump
 * sum comes before the instalments, no amount is more than is owed, and instalments clear what is owed in at
 * most ten years' worth (a penny a week on a large fine would otherwise schedule millions of instalments, and
 * put off paying it for longer than one officer may decide).
 */
export function checkTermsFor(terms: PaymentTerms, owedPence: number, today: LocalDate, field = 'terms'): void {
  const problems: FieldError[] = [];
  const latest = addMonths(today, TERMS_START_WITHIN_MONTHS);
  const dates =
    terms.kind === 'pay-by-date'
      ? { payBy: terms.payBy }
      : { firstInstalment: terms.firstInstalment, ...(terms.lumpSumDue ? { lumpSumDue: terms.lumpSumDue } : {}) };
  for (const [name, day] of Object.entries(dates)) {
    if (day < today) problems.push({ field: `${field}.${name}`, message: `must be today (${today}) or later` });
    else if (day > latest)
      problems.push({ field: `${field}.${name}`, message: `must be by ${latest}, three years from today` });
  }
  if (terms.kind === 'instalments') {
    // The lump sum comes first, then the instalments; neither is more than is owed.
    if (terms.lumpSumDue !== undefined && terms.lumpSumDue > terms.firstInstalment)
      problems.push({ field: `${field}.lumpSumDue`, message: 'must be on or before the first instalment' });
    for (const name of ['instalmentPence', 'lumpSumPence'] as const) {
      const amount = terms[name];
      if (amount !== undefined && amount > owedPence)
        problems.push({ field: `${field}.${name}`, message: `must be at most the ${owedPence} pence owed` });
    }
    const most = MAX_INSTALMENTS[terms.frequency];
    const byInstalments = Math.max(0, owedPence - (terms.lumpSumPence ?? 0));
    const least = Math.ceil(byInstalments / most);
    if (terms.instalmentPence < least)
      problems.push({
        field: `${field}.instalmentPence`,
        message: `must be at least ${least} pence, to clear the ${byInstalments} pence owed in at most ${most} ${terms.frequency} instalments (ten years)`,
      });
  }
  if (problems.length) throw new BadUserInputError('Payment terms that cannot apply to this account', problems);
}

/**
 * The date `months` after `from`, clamped to the end of a shorter month, always counted from the
 * first date (31 Jan, 28 Feb, 31 Mar), exactly as PostgreSQL's `date + n * interval '1 month'`.
 */
export function addMonths(from: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(from);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return localDate(y, m, Math.min(day, last));
}

export function instalmentDate(terms: Extract<PaymentTerms, { kind: 'instalments' }>, k: number): LocalDate {
  switch (terms.frequency) {
    case 'weekly':
      return addDays(terms.firstInstalment, 7 * k);
    case 'fortnightly':
      return addDays(terms.firstInstalment, 14 * k);
    case 'monthly':
      return addMonths(terms.firstInstalment, k);
  }
}

export interface ExpectedPayment {
  dueOn: LocalDate;
  amountPence: number;
  /** What should have been paid in all, once this one is due. */
  cumulativePence: number;
}

/** The expected payments that the terms make of a total: the lump sum, then instalments until it is paid. */
export function expectedSchedule(terms: PaymentTerms, totalPence: number): ExpectedPayment[] {
  if (totalPence <= 0) return [];
  if (terms.kind === 'pay-by-date')
    return [{ dueOn: terms.payBy, amountPence: totalPence, cumulativePence: totalPence }];
  const schedule: ExpectedPayment[] = [];
  let cumulative = 0;
  if (terms.lumpSumPence && terms.lumpSumDue) {
    cumulative = Math.min(totalPence, terms.lumpSumPence);
    schedule.push({ dueOn: terms.lumpSumDue, amountPence: cumulative, cumulativePence: cumulative });
  }
  for (let k = 0; cumulative < totalPence; k++) {
    const amount = Math.min(terms.instalmentPence, totalPence - cumulative);
    cumulative += amount;
    schedule.push({ dueOn: instalmentDate(terms, k), amountPence: amount, cumulativePence: cumulative });
  }
  return schedule.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/**
 * What should have been paid before `asOf`: a payment due on a day may be made all that day, so it
 * counts as expected from the day after.
 */
export function expectedBy(terms: PaymentTerms, totalPence: number, asOf: LocalDate): number {
  let expected = 0;
  for (const payment of expectedSchedule(terms, totalPence)) {
    if (payment.dueOn < asOf) expected += payment.amountPence;
  }
  return Math.min(expected, totalPence);
}
