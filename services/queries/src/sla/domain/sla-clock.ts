import { londonInstant, londonLocalDate, type OpeningHours, type WorkingDayCalendar } from '@ccsc/calendar';

export const SLA_CLOCKS = ['first-response', 'resolution'] as const;
export type SlaClockKind = (typeof SLA_CLOCKS)[number];

/** Working hours run only while the service centre is open; working days follow libs/calendar's "respond within N working days". */
export const SLA_UNITS = ['working-hours', 'working-days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export interface SlaTarget {
  clock: SlaClockKind;
  unit: SlaUnit;
  /** Hours (may be fractional) or whole working days. */
  amount: number;
}

/** Where a clock is in its life; the at-risk and breached flags are set by the scheduled run. */
export type SlaClockStatus = 'running' | 'paused' | 'stopped';
export type SlaFlag = 'on-track' | 'at-risk' | 'breached';

export interface SlaClock extends SlaTarget {
  status: SlaClockStatus;
  flag: SlaFlag;
  startedAt: Date;
  /** Null while paused: a paused clock has no due moment until it resumes. */
  dueAt: Date | null;
  atRiskAt: Date | null;
  pausedAt: Date | null;
  /** While paused: the opening minutes (working-hours) or working days (working-days) still left. */
  remaining: number | null;
  stoppedAt: Date | null;
  /** Whether the clock stopped in time; null until it stops. */
  met: boolean | null;
  calendarVersion: string;
}

/**
 * A working-hours clock is at risk once this share of its target has run. A working-days clock is
 * at risk from the start of its last day, when the work has to be done that day.
 */
export const AT_RISK_SHARE = 0.75;
const MINUTE_MS = 60_000;

/**
 * SLA clocks measured against the service centre's opening hours and England and Wales working
 * days. Every due moment is computed here, once, when a clock starts or resumes, and stored: the
 * scheduled breach run then only compares stored instants with the time, in one SQL statement.
 */
export class SlaClocks {
  constructor(private readonly hours: OpeningHours) {}

  private get calendar(): WorkingDayCalendar {
    return this.hours.calendar;
  }

  start(target: SlaTarget, at: Date): SlaClock {
    checkTarget(target);
    const { dueAt, atRiskAt } = this.due(
      target.unit,
      at,
      target.unit === 'working-hours' ? Math.round(target.amount * 60) : target.amount,
      target,
    );
    return {
      ...target,
      status: 'running',
      flag: 'on-track',
      startedAt: at,
      dueAt,
      atRiskAt,
      pausedAt: null,
      remaining: null,
      stoppedAt: null,
      met: null,
      calendarVersion: this.calendar.version,
    };
  }

  /**
   * Stops the count while the enquiry waits for the customer. What is left is kept in the clock's
   * own unit, so the weekend or bank holiday the customer takes to answer costs the officer nothing.
   */
  pause(clock: SlaClock, at: Date): SlaClock {
    if (clock.status !== 'running' || !clock.dueAt) return clock;
    const remaining =
      clock.unit === 'working-hours'
        ? Math.max(0, this.hours.workingMinutesBetween(at, clock.dueAt))
        : Math.max(0, this.calendar.workingDaysBetween(londonLocalDate(at), londonLocalDate(clock.dueAt)));
    return { ...clock, status: 'paused', dueAt: null, atRiskAt: null, pausedAt: at, remaining };
  }

  /**
   * Restarts the count when the customer answers. A working-days clock counts its remaining days
   * from the day of the answer as from a new receipt (day 1 is the next working day).
   */
  resume(clock: SlaClock, at: Date): SlaClock {
    if (clock.status !== 'paused' || clock.remaining === null) return clock;
    const { dueAt, atRiskAt } = this.due(clock.unit, at, clock.remaining, clock);
    // A new due moment means a fresh at-risk check by the next run; a breach already reported stays.
    const flag = clock.flag === 'breached' ? 'breached' : 'on-track';
    return {
      ...clock,
      status: 'running',
      flag,
      dueAt,
      atRiskAt,
      pausedAt: null,
      remaining: null,
      calendarVersion: this.calendar.version,
    };
  }

  /** The clock's work is done (first reply sent, or enquiry resolved): met if not yet due. */
  stop(clock: SlaClock, at: Date): SlaClock {
    if (clock.status === 'stopped') return clock;
    // A paused clock is not counting, so it can only have missed if it had already breached before the pause.
    const met =
      clock.status === 'paused'
        ? clock.flag !== 'breached'
        : clock.dueAt !== null && at.getTime() <= clock.dueAt.getTime();
    return { ...clock, status: 'stopped', stoppedAt: at, met, pausedAt: null, remaining: null };
  }

  private due(unit: SlaUnit, from: Date, left: number, target: SlaTarget): { dueAt: Date; atRiskAt: Date } {
    if (unit === 'working-hours') {
      const targetMinutes = Math.round(target.amount * 60);
      const riskAfter = Math.max(0, left - Math.round(targetMinutes * (1 - AT_RISK_SHARE)));
      return {
        dueAt: this.hours.addWorkingHours(from, (left * MINUTE_MS) / 3_600_000),
        atRiskAt: this.hours.addWorkingHours(from, (riskAfter * MINUTE_MS) / 3_600_000),
      };
    }
    const deadline = this.calendar.deadlineAfterReceipt(from, left);
    return { dueAt: deadline.dueAt, atRiskAt: londonInstant(deadline.date) };
  }
}

/** The state an officer sees: the run's flag while the clock runs, or how it ended. */
export type SlaState = 'on-track' | 'at-risk' | 'breached' | 'paused' | 'met' | 'missed';

export function slaState(clock: Pick<SlaClock, 'status' | 'flag' | 'met'>): SlaState {
  if (clock.status === 'stopped') return clock.met ? 'met' : 'missed';
  if (clock.status === 'paused') return clock.flag === 'breached' ? 'breached' : 'paused';
  return clock.flag;
}

/** Why a target is not one a clock can run, or undefined when it is. */
export function targetProblem(target: Pick<SlaTarget, 'unit' | 'amount'>): string | undefined {
  if (target.unit === 'working-days')
    return Number.isInteger(target.amount) && target.amount >= 1 && target.amount <= 60
      ? undefined
      : 'must be a whole number of working days from 1 to 60';
  return Number.isFinite(target.amount) && target.amount > 0 && target.amount <= 500
    ? undefined
    : 'must be more than 0 and at most 500 working hours';
}

function checkTarget(target: SlaTarget): void {
  const problem = targetProblem(target);
  if (problem)
    throw new RangeError(`An SLA target of ${target.amount} ${target.unit} is not one a clock can run: it ${problem}`);
}
