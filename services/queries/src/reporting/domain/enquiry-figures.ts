import { addDays, isSupportedLocalDate, type LocalDate } from '@ccsc/calendar';
import { BadUserInputError } from '@ccsc/platform/errors';

export interface EnquiryFigures {
  /** The London day the enquiries were received. */
  day: LocalDate;
  team: string;
  channel: string;
  category: string | null;
  received: number;
  resolved: number;
  /** Resolved without waiting for the customer, without escalation and with at most one reply. */
  resolvedAtFirstContact: number;
  /** Resolution clocks stopped in time, of those that have stopped. */
  slaMet: number;
  slaMissed: number;
  /** Mean minutes from receipt to resolution, of those resolved; null when none. */
  averageHandlingMinutes: number | null;
}

export const MAX_REPORT_DAYS = 366;

/** A report covers whole London days, from not after to, at most MAX_REPORT_DAYS of them. */
export function checkPeriod(from: string, to: string): void {
  if (!isSupportedLocalDate(from) || !isSupportedLocalDate(to) || to < from) {
    throw new BadUserInputError('Invalid period', [
      { field: 'to', message: 'from and to must be days as YYYY-MM-DD, from not after to' },
    ]);
  }
  if (addDays(from, MAX_REPORT_DAYS) <= to)
    throw new BadUserInputError('Invalid period', [
      { field: 'to', message: `the period is at most ${MAX_REPORT_DAYS} days` },
    ]);
}
