import { londonLocalDate, londonLocalDateTime, type LocalDate } from '@ccsc/calendar';
import {
  caseStateChangedV1,
  hearingListedV1,
  hearingRelistedV1,
  hearingStatusChangedV1,
  type CaseStateChangedV1,
  type EventType,
  type HearingListedV1,
  type HearingRelistedV1,
  type HearingStatusChangedV1,
} from '@ccsc/contracts';
import type { PlaceholderValue, TemplateSet } from '@ccsc/correspondence';
import type { CaseNotice, CaseTypeDefinition } from '../../case-type/domain/case-type.definition';
import { CASE_CALENDAR } from '../../case-type/domain/deadlines';

/** What a rule knows besides the event's data: the case (read in the same transaction) and the event's time. */
export interface CaseFacts {
  /** The 16-digit case reference. */
  reference: string;
  /** The case's type, undefined for a type this build no longer ships. */
  caseType?: CaseTypeDefinition;
  /** When the event happened: its London day is the day a letter says it happened. */
  at: Date;
}

/** The placeholder every cases template names its recipient by; cases fills it from the party. */
export const CASES_RECIPIENT_PLACEHOLDER = 'partyName';

/**
 * One row of the table: on an event of `type`, when `when` holds, write `template` to every party of the
 * case with `values` (the event's facts and the case's, never a party's: the recipient's name is added
 * per party). `supplies` names the values' placeholders, so the table is checked against the templates
 * at start-up (checkCasesCorrespondenceRules) rather than when a letter is due.
 */
export interface CasesCorrespondenceRule<T extends object> {
  type: EventType<T>;
  template: string;
  supplies: readonly string[];
  when?(data: T, facts: CaseFacts): boolean;
  caseId(data: T): string;
  values(data: T, facts: CaseFacts): Record<string, PlaceholderValue>;
}

const hearingDay = (startsAt: string) => londonLocalDateTime(new Date(startsAt)).date;
const hearingTime = (startsAt: string) => londonLocalDateTime(new Date(startsAt)).time.slice(0, 5);

// A hearing that has not started and is taken out of the list will not go ahead on its day: that is what
// the parties must hear, whether it was vacated or adjourned before it began.
const CALLED_OFF_BEFORE_IT_STARTED = new Set(['listed', 'running-late']);

/** The letter the case type's event sends to every party, if any (CaseEventDefinition.notifies). */
const noticeOf = (d: CaseStateChangedV1, { caseType }: CaseFacts): CaseNotice | undefined =>
  caseType?.events.find((e) => e.id === d.event)?.notifies;

/** The last day to appeal a decision made at `at`: the case type's time to appeal, from the London day it was made. */
export function appealDeadline(caseType: CaseTypeDefinition | undefined, at: Date): LocalDate {
  const within = caseType?.appealWithin;
  // checkCaseTypes refuses a type that sends the letter without it, so this is a wiring mistake.
  if (!within) throw new Error(`Case type ${caseType?.id ?? '(unknown)'} has no time to appeal`);
  return CASE_CALENDAR.periodEnd(at, within.days, within.dayKind).date;
}

/**
 * Cases' own correspondence, as data: hearings listed, moved (an adjourned hearing relisted on another day)
 * or called off; and the letters a case type's events send (`notifies` in its definition): the case issued,
 * naming the type's court, a decision made, with the last day to appeal it, and a judgment in default entered.
 */
export const CASES_CORRESPONDENCE_RULES = [
  rule<HearingListedV1>({
    type: hearingListedV1,
    template: 'cases.hearing-listed',
    supplies: ['caseReference', 'hearingDate', 'hearingTime', 'venueName'],
    caseId: (d) => d.caseId,
    values: (d, facts) => ({
      caseReference: facts.reference,
      hearingDate: hearingDay(d.startsAt),
      hearingTime: hearingTime(d.startsAt),
      venueName: d.venueName,
    }),
  }),
  rule<HearingRelistedV1>({
    type: hearingRelistedV1,
    template: 'cases.hearing-changed',
    supplies: ['caseReference', 'previousHearingDate', 'hearingDate', 'hearingTime', 'venueName'],
    caseId: (d) => d.caseId,
    values: (d, facts) => ({
      caseReference: facts.reference,
      previousHearingDate: hearingDay(d.previousStartsAt),
      hearingDate: hearingDay(d.startsAt),
      hearingTime: hearingTime(d.startsAt),
      venueName: d.venueName,
    }),
  }),
  rule<HearingStatusChangedV1>({
    type: hearingStatusChangedV1,
    template: 'cases.hearing-vacated',
    supplies: ['caseReference', 'hearingDate'],
    when: (d) => d.to === 'vacated' || (d.to === 'adjourned' && CALLED_OFF_BEFORE_IT_STARTED.has(d.from)),
    caseId: (d) => d.caseId,
    values: (d, facts) => ({ caseReference: facts.reference, hearingDate: hearingDay(d.startsAt) }),
  }),
  rule<CaseStateChangedV1>({
    type: caseStateChangedV1,
    template: 'cases.case-issued',
    supplies: ['caseReference', 'courtName', 'issuedDate'],
    when: (d, facts) => noticeOf(d, facts) === 'case-issued' && !!facts.caseType?.court,
    caseId: (d) => d.caseId,
    values: (_d, facts) => ({
      caseReference: facts.reference,
      // Each language's letter names the court in its own language.
      courtName: { ...(facts.caseType?.court as { en: string; cy: string }) },
      issuedDate: londonLocalDate(facts.at),
    }),
  }),
  rule<CaseStateChangedV1>({
    type: caseStateChangedV1,
    template: 'cases.decision-made',
    supplies: ['caseReference', 'decisionDate', 'appealDeadline'],
    when: (d, facts) => noticeOf(d, facts) === 'decision-made',
    caseId: (d) => d.caseId,
    values: (_d, facts) => ({
      caseReference: facts.reference,
      decisionDate: londonLocalDate(facts.at),
      appealDeadline: appealDeadline(facts.caseType, facts.at),
    }),
  }),
  rule<CaseStateChangedV1>({
    type: caseStateChangedV1,
    template: 'cases.default-judgment-entered',
    supplies: ['caseReference', 'judgmentDate'],
    when: (d, facts) => noticeOf(d, facts) === 'default-judgment-entered',
    caseId: (d) => d.caseId,
    values: (_d, facts) => ({ caseReference: facts.reference, judgmentDate: londonLocalDate(facts.at) }),
  }),
];

/** A rule as the table holds it, keeping each rule's own event data type. */
export type AnyCasesCorrespondenceRule = CasesCorrespondenceRule<object>;

function rule<T extends object>(r: CasesCorrespondenceRule<T>): AnyCasesCorrespondenceRule {
  return r as unknown as AnyCasesCorrespondenceRule;
}

/**
 * Every problem of the table against the templates: a template that does not exist, or a rule that
 * leaves a placeholder without a value or supplies one the template does not have. Empty when it is sound.
 */
export function casesCorrespondenceRuleProblems(
  templates: TemplateSet,
  rules: readonly AnyCasesCorrespondenceRule[] = CASES_CORRESPONDENCE_RULES,
): string[] {
  return rules.flatMap((r) => {
    const name = `${r.type.type} → ${r.template}`;
    let placeholders: string[];
    try {
      placeholders = Object.keys(templates.get(r.template).placeholders);
    } catch {
      return [`${name}: no such template`];
    }
    const supplied = new Set([...r.supplies, CASES_RECIPIENT_PLACEHOLDER]);
    return [
      ...placeholders.filter((p) => !supplied.has(p)).map((p) => `${name}: no value for ((${p}))`),
      ...[...supplied].filter((p) => !placeholders.includes(p)).map((p) => `${name}: ((${p})) is not in the template`),
    ];
  });
}

/** Refuses to start with a table that does not fit the templates, naming every problem. */
export function checkCasesCorrespondenceRules(templates: TemplateSet): void {
  const problems = casesCorrespondenceRuleProblems(templates);
  if (problems.length)
    throw new Error(
      `Cases' correspondence rules do not fit the templates:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
}
