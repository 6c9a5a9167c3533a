import { londonLocalDateTime } from '@ccsc/calendar';
import {
  hearingListedV1,
  hearingStatusChangedV1,
  type EventType,
  type HearingListedV1,
  type HearingStatusChangedV1,
} from '@ccsc/contracts';
import type { TemplateSet } from '@ccsc/correspondence';

/** What a rule knows of the case besides the event: read in the same transaction. */
export interface CaseFacts {
  /** The 16-digit case reference. */
  reference: string;
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
  when?(data: T): boolean;
  caseId(data: T): string;
  values(data: T, facts: CaseFacts): Record<string, string | number>;
}

const hearingDay = (startsAt: string) => londonLocalDateTime(new Date(startsAt)).date;
const hearingTime = (startsAt: string) => londonLocalDateTime(new Date(startsAt)).time.slice(0, 5);

// A hearing that has not started and is taken out of the list will not go ahead on its day: that is what
// the parties must hear, whether it was vacated or adjourned before it began.
const CALLED_OFF_BEFORE_IT_STARTED = new Set(['listed', 'running-late']);

/**
 * Cases' own correspondence, as data. Left out, because no event of cases carries what the template
 * needs: `cases.hearing-changed` (a hearing relisted: `cases.hearing-status-changed.v1` carries the new
 * start only, not the day it was listed for before), `cases.case-issued` (the issuing court's name is held
 * nowhere in cases) and `cases.decision-made` (the last day to appeal is neither in the event nor held).
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
  rule<HearingStatusChangedV1>({
    type: hearingStatusChangedV1,
    template: 'cases.hearing-vacated',
    supplies: ['caseReference', 'hearingDate'],
    when: (d) => d.to === 'vacated' || (d.to === 'adjourned' && CALLED_OFF_BEFORE_IT_STARTED.has(d.from)),
    caseId: (d) => d.caseId,
    values: (d, facts) => ({ caseReference: facts.reference, hearingDate: hearingDay(d.startsAt) }),
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
