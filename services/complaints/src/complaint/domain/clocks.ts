import type { LocalDate, WorkingDayCalendar } from '@ccsc/calendar';

export const STAGES = [1, 2, 3] as const;
export type Stage = (typeof STAGES)[number];

/** HMCTS complaints procedure: stage 1 response, stage 2 senior review, stage 3 customer investigations appeal. */
export const STAGE_WORKING_DAYS: Readonly<Record<Stage, number>> = { 1: 10, 2: 10, 3: 15 };

/** A stage is at risk once it is into its last two working days without a response. */
export const AT_RISK_WORKING_DAYS_LEFT = 2;

/** The regulator must hear of a reportable personal-data breach within 72 hours of awareness: elapsed hours, weekends and bank holidays included. */
export const REGULATOR_REPORT_HOURS = 72;

export interface StageClock {
  stage: Stage;
  startedAt: Date;
  workingDays: number;
  /** The London day the response is due, and the instant (end of that day) after which it is late. */
  dueDate: LocalDate;
  dueAt: Date;
  /** From this instant the stage is flagged at risk until answered or breached. */
  atRiskAt: Date;
  calendarVersion: string;
}

/** The clock of a stage that starts at `startedAt`: day 1 is the first working day after the London day it starts. */
export function stageClock(calendar: WorkingDayCalendar, stage: Stage, startedAt: Date): StageClock {
  const workingDays = STAGE_WORKING_DAYS[stage];
  const due = calendar.deadlineAfterReceipt(startedAt, workingDays);
  const atRisk = calendar.deadlineAfterReceipt(startedAt, workingDays - AT_RISK_WORKING_DAYS_LEFT);
  return {
    stage,
    startedAt,
    workingDays,
    dueDate: due.date,
    dueAt: due.dueAt,
    atRiskAt: atRisk.dueAt,
    calendarVersion: due.calendarVersion,
  };
}

export function regulatorDeadline(awareAt: Date): Date {
  return new Date(awareAt.getTime() + REGULATOR_REPORT_HOURS * 60 * 60 * 1000);
}
