import { randomUUID } from 'node:crypto';
import { addDays, londonInstant, londonLocalDateTime, type LocalDate } from '@ccsc/calendar';
import { BadUserInputError, ConflictError, FieldError } from '@ccsc/platform/errors';
import type { Bilingual } from '../../case-type/domain/case-type.definition';

export const HEARING_TYPES = [
  'first-hearing',
  'case-management',
  'final-hearing',
  'trial',
  'sentencing',
  'appeal',
] as const;
export type HearingType = (typeof HEARING_TYPES)[number];

export const HEARING_STATUSES = ['listed', 'running-late', 'in-progress', 'adjourned', 'vacated', 'completed'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** A trial can run for weeks; anything longer than this is a typo, not a listing. */
export const MAX_DURATION_MINUTES = 30 * 24 * 60;
/** A hearing more than a court day late is not running late: it is adjourned. */
export const MAX_DELAY_MINUTES = 8 * 60;
/** How far ahead a hearing may be listed: five years of days, in London's calendar. */
export const MAX_LISTING_DAYS_AHEAD = 5 * 365;
export const MAX_REASON_LENGTH = 500;

/**
 * Where each status may go next. Vacated and completed are final. Running late can be revised
 * (a new delay) or cleared (back to listed). An adjourned hearing comes back only by being relisted
 * for a new start, or is vacated for good.
 */
const NEXT: Readonly<Record<HearingStatus, readonly HearingStatus[]>> = {
  listed: ['running-late', 'in-progress', 'adjourned', 'vacated', 'completed'],
  'running-late': ['running-late', 'listed', 'in-progress', 'adjourned', 'vacated', 'completed'],
  'in-progress': ['adjourned', 'completed'],
  adjourned: ['listed', 'vacated'],
  vacated: [],
  completed: [],
};

const CALLED_OFF: readonly HearingStatus[] = ['adjourned', 'vacated'];

export interface HearingProps {
  id: string;
  caseId: string;
  /** The court or tribunal's code; there is no venue register yet, so its name travels with it. */
  venueId: string;
  venueName: string;
  hearingType: HearingType;
  startsAt: Date;
  durationMinutes: number;
  status: HearingStatus;
  /** Only while running late. */
  delayMinutes: number | null;
  /** Only while adjourned or vacated. */
  reason: string | null;
  listedBy: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

export type NewHearing = Pick<
  HearingProps,
  'caseId' | 'venueId' | 'venueName' | 'hearingType' | 'startsAt' | 'durationMinutes' | 'listedBy'
> & { now: Date };

export interface StatusChange {
  status: HearingStatus;
  delayMinutes?: number;
  reason?: string;
  /** The new start, when an adjourned hearing is relisted. */
  startsAt?: Date;
}

/** A hearing of a case: when and where it is listed, and whether it is going ahead on the day. */
export class Hearing {
  private constructor(private props: HearingProps) {}

  static list(input: NewHearing): Hearing {
    const problems = [
      ...startProblems(input.startsAt, input.now),
      ...durationProblems(input.durationMinutes),
      ...(input.venueId.trim() ? [] : [{ field: 'venueId', message: 'must not be blank' }]),
      ...(input.venueName.trim() ? [] : [{ field: 'venueName', message: 'must not be blank' }]),
    ];
    if (problems.length) throw new BadUserInputError('The hearing cannot be listed as given', problems);
    return new Hearing({
      id: randomUUID(),
      caseId: input.caseId,
      venueId: input.venueId.trim(),
      venueName: input.venueName.trim(),
      hearingType: input.hearingType,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      status: 'listed',
      delayMinutes: null,
      reason: null,
      listedBy: input.listedBy,
      createdAt: input.now,
      updatedAt: input.now,
      updatedBy: input.listedBy,
    });
  }

  static restore(props: HearingProps): Hearing {
    return new Hearing(props);
  }

  get snapshot(): Readonly<HearingProps> {
    return this.props;
  }

  get id(): string {
    return this.props.id;
  }

  get caseId(): string {
    return this.props.caseId;
  }

  /** The day and wall-clock time in England, which is how courts list and parties read hearings. */
  get londonStart(): { date: LocalDate; time: string } {
    const { date, time } = londonLocalDateTime(this.props.startsAt);
    return { date, time: time.slice(0, 5) };
  }

  /**
   * Moves the hearing to another on-the-day status. Details that the new status needs or cannot
   * carry are bad input (400); a move the rules forbid is a conflict with the hearing's state (409).
   */
  changeStatus(change: StatusChange, actor: string, now: Date): { from: HearingStatus; to: HearingStatus } {
    const from = this.props.status;
    const to = change.status;
    const problems = detailProblems(change);
    if (problems.length) throw new BadUserInputError(`The hearing cannot become ${label(to)} as given`, problems);
    if (!NEXT[from].includes(to)) throw new ConflictError(refusal(from, to));

    const relisting = from === 'adjourned' && to === 'listed';
    const startProblemsFound = relisting
      ? change.startsAt
        ? startProblems(change.startsAt, now)
        : [{ field: 'startsAt', message: 'is required to relist an adjourned hearing' }]
      : change.startsAt
        ? [{ field: 'startsAt', message: 'can only be given to relist an adjourned hearing' }]
        : [];
    if (startProblemsFound.length)
      throw new BadUserInputError(`The hearing cannot become ${label(to)} as given`, startProblemsFound);

    this.props = {
      ...this.props,
      status: to,
      delayMinutes: to === 'running-late' ? (change.delayMinutes ?? null) : null,
      reason: CALLED_OFF.includes(to) ? (change.reason?.trim() ?? null) : null,
      startsAt: relisting && change.startsAt ? change.startsAt : this.props.startsAt,
      updatedAt: now,
      updatedBy: actor,
    };
    return { from, to };
  }

  /** The answer to "is my hearing going ahead?", in the words an officer would say it, in English and Welsh. */
  get goingAhead(): Bilingual {
    return goingAheadAnswer(this.props);
  }
}

/**
 * The answer to "is my hearing going ahead?" from what the hearing shows (its status, delay and reason), so a
 * reader holding only those (a GraphQL field over a replayed answer) gives the same words.
 */
export function goingAheadAnswer({
  status,
  delayMinutes,
  reason,
}: Pick<HearingProps, 'status' | 'delayMinutes' | 'reason'>): Bilingual {
  switch (status) {
    case 'listed':
      return { en: 'yes', cy: 'ydy' };
    case 'running-late': {
      const minutes = delayMinutes ?? 0;
      // Welsh counts with the singular noun: "30 munud".
      return {
        en: `yes, running about ${minutes} minute${minutes === 1 ? '' : 's'} late`,
        cy: `ydy, mae'n rhedeg tua ${minutes} munud yn hwyr`,
      };
    }
    case 'in-progress':
      return { en: 'yes, it has started', cy: 'ydy, mae wedi dechrau' };
    case 'adjourned':
    case 'vacated': {
      // The reason is the officer's own words, shown as written.
      const why = { en: reason ?? 'no reason was recorded', cy: reason ?? 'ni chofnodwyd rheswm' };
      return status === 'adjourned'
        ? { en: `no: adjourned because ${why.en}`, cy: `nac ydy: mae wedi'i ohirio oherwydd ${why.cy}` }
        : { en: `no: vacated because ${why.en}`, cy: `nac ydy: mae wedi'i ganslo oherwydd ${why.cy}` };
    }
    case 'completed':
      return { en: 'no: it has already been heard', cy: "nac ydy: mae eisoes wedi'i wrando" };
  }
}

export function isHearingType(value: unknown): value is HearingType {
  return typeof value === 'string' && (HEARING_TYPES as readonly string[]).includes(value);
}

export function isHearingStatus(value: unknown): value is HearingStatus {
  return typeof value === 'string' && (HEARING_STATUSES as readonly string[]).includes(value);
}

/**
 * The instants that bound a London calendar day: [from, to). A hearing at 23:30 BST belongs to
 * that day even though it is already the next day in UTC, and clock-change days last 23 or 25 hours.
 */
export function londonDayBounds(date: LocalDate): { from: Date; to: Date } {
  return { from: londonInstant(date), to: londonInstant(addDays(date, 1)) };
}

function startProblems(startsAt: Date, now: Date): FieldError[] {
  if (Number.isNaN(startsAt.getTime())) return [{ field: 'startsAt', message: 'must be a valid date and time' }];
  // Listing is about what is to come; a past hearing is a typo, and would answer "yes" to "is it going ahead?".
  if (startsAt.getTime() <= now.getTime()) return [{ field: 'startsAt', message: 'must be in the future' }];
  // No court lists years ahead: a hearing in 2225 is a mistyped year, and would sit in every future list.
  const latest = londonInstant(addDays(londonLocalDateTime(now).date, MAX_LISTING_DAYS_AHEAD));
  if (startsAt.getTime() >= latest.getTime())
    return [{ field: 'startsAt', message: `must be within ${MAX_LISTING_DAYS_AHEAD} days (five years) from today` }];
  return [];
}

function durationProblems(minutes: number): FieldError[] {
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_DURATION_MINUTES
    ? []
    : [{ field: 'durationMinutes', message: `must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}` }];
}

function detailProblems(change: StatusChange): FieldError[] {
  const problems: FieldError[] = [];
  if (change.status === 'running-late') {
    const delay = change.delayMinutes;
    if (delay === undefined)
      problems.push({ field: 'delayMinutes', message: 'is required when the hearing is running late' });
    else if (!Number.isInteger(delay) || delay < 1 || delay > MAX_DELAY_MINUTES) {
      problems.push({
        field: 'delayMinutes',
        message: `must be a whole number of minutes from 1 to ${MAX_DELAY_MINUTES}`,
      });
    }
  } else if (change.delayMinutes !== undefined) {
    problems.push({ field: 'delayMinutes', message: 'can only be given when the hearing is running late' });
  }
  if (CALLED_OFF.includes(change.status)) {
    const reason = change.reason?.trim() ?? '';
    if (!reason) problems.push({ field: 'reason', message: `is required when the hearing is ${change.status}` });
    else if (reason.length > MAX_REASON_LENGTH)
      problems.push({ field: 'reason', message: `must be at most ${MAX_REASON_LENGTH} characters` });
  } else if (change.reason !== undefined) {
    problems.push({ field: 'reason', message: 'can only be given when the hearing is adjourned or vacated' });
  }
  return problems;
}

function refusal(from: HearingStatus, to: HearingStatus): string {
  if (NEXT[from].length === 0) return `The hearing is ${label(from)}, which is final`;
  if (from === to) return `The hearing is already ${label(from)}`;
  if (to === 'listed') return 'Only an adjourned hearing can be relisted, or a late one put back on time';
  return `A hearing that is ${label(from)} cannot become ${label(to)}`;
}

function label(status: HearingStatus): string {
  return status.replace('-', ' ');
}
