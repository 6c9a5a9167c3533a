import { londonLocalDate, type LocalDate, type WorkingDayCalendar } from '@ccsc/calendar';
import { complaintOpenedV1, complaintStageChangedV1 } from '@ccsc/contracts';
import type { TemplateSet } from '@ccsc/correspondence';

/** The placeholder every complaints template takes the complainant's name in; the recorder fills it. */
export const COMPLAINANT_NAME_PLACEHOLDER = 'complainantName';

/**
 * How long after a stage's response the complainant may ask for the next stage, in working days. The
 * templates promise a date; the procedure sets none, so this is ours (as long as stage 3 has to answer),
 * and an escalation asked for later is still taken by an officer, who decides.
 */
export const ESCALATION_WORKING_DAYS = 20;

export type ComplaintCorrespondenceRuleId = 'acknowledgement' | 'stage-response' | 'escalation-rights';

/** One row of the table: on which of complaints' own events, when, which template, with which values. */
export interface ComplaintCorrespondenceRule {
  id: ComplaintCorrespondenceRuleId;
  on: string;
  /** In words, for the reader; `ruleFor` is the same in code. */
  when: string;
  template: string;
  /** The placeholders the rule fills (the complainant's name besides, from the recipient). */
  values: readonly string[];
}

/**
 * What complaints writes to a complainant, and when (issue 23). Checked against the templates at start
 * (checkComplaintRules): a rule whose template is missing, or whose values do not fill exactly the
 * template's placeholders, stops the service before it writes to anyone.
 */
export const COMPLAINT_CORRESPONDENCE_RULES: readonly ComplaintCorrespondenceRule[] = [
  {
    id: 'acknowledgement',
    on: complaintOpenedV1.type,
    when: 'every complaint opened: its reference, and the day its stage 1 response is due',
    template: 'complaints.complaint-acknowledged',
    values: ['complaintReference', 'receivedDate', 'responseDueDate'],
  },
  {
    id: 'stage-response',
    on: complaintStageChangedV1.type,
    when: 'a stage 1 or 2 response sent: the response as sent, and the last day to ask for the next stage',
    template: 'complaints.stage-response',
    values: ['complaintReference', 'stage', 'findings', 'escalateBy'],
  },
  {
    id: 'escalation-rights',
    on: complaintStageChangedV1.type,
    when: 'the stage 3 (final) response sent: the right to go to the Ombudsman through an MP',
    template: 'complaints.escalation-rights',
    values: ['complaintReference', 'finalResponseDate'],
  },
];

/** The rule an event of complaints' own calls for, or undefined when it calls for nothing. */
export function ruleFor(
  eventType: string,
  data: { stage?: number; status?: string },
): ComplaintCorrespondenceRule | undefined {
  const byId = (id: ComplaintCorrespondenceRuleId) => COMPLAINT_CORRESPONDENCE_RULES.find((r) => r.id === id);
  if (eventType === complaintOpenedV1.type) return byId('acknowledgement');
  if (eventType === complaintStageChangedV1.type && data.status === 'response-sent') {
    if (data.stage === 1 || data.stage === 2) return byId('stage-response');
    if (data.stage === 3) return byId('escalation-rights');
  }
  return undefined;
}

/** The problems of the table against the loaded templates, each naming its rule; empty when it is sound. */
export function checkComplaintRules(
  templates: Pick<TemplateSet, 'get'>,
  rules: readonly ComplaintCorrespondenceRule[] = COMPLAINT_CORRESPONDENCE_RULES,
): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    let declared: string[];
    try {
      declared = Object.keys(templates.get(rule.template).placeholders);
    } catch {
      problems.push(`rule ${rule.id}: no template ${rule.template}`);
      continue;
    }
    const filled = new Set([...rule.values, COMPLAINANT_NAME_PLACEHOLDER]);
    for (const p of declared)
      if (!filled.has(p)) problems.push(`rule ${rule.id}: leaves ((${p})) of ${rule.template} empty`);
    for (const p of filled)
      if (!declared.includes(p)) problems.push(`rule ${rule.id}: fills ((${p})), which ${rule.template} does not have`);
  }
  return problems;
}

/** What a rule's values are made from: the complaint and the stage the event is about, as stored. */
export interface ComplaintFacts {
  reference: string;
  receivedAt: Date;
  stage: {
    stage: number;
    dueDate: LocalDate;
    responseText: string | null;
    respondedAt: Date | null;
  };
}

/**
 * The rule's values, or why there are none (a stage not answered yet, which its event says it is: then
 * nothing is recorded rather than a letter without its findings).
 */
export function valuesFor(
  rule: ComplaintCorrespondenceRule,
  facts: ComplaintFacts,
  calendar: WorkingDayCalendar,
): Record<string, string> | undefined {
  const { stage } = facts;
  switch (rule.id) {
    case 'acknowledgement':
      return {
        complaintReference: facts.reference,
        receivedDate: londonLocalDate(facts.receivedAt),
        responseDueDate: stage.dueDate,
      };
    case 'stage-response':
      if (!stage.responseText?.trim() || !stage.respondedAt) return undefined;
      return {
        complaintReference: facts.reference,
        stage: String(stage.stage),
        findings: stage.responseText,
        escalateBy: escalateBy(stage.respondedAt, calendar),
      };
    case 'escalation-rights':
      if (!stage.respondedAt) return undefined;
      return { complaintReference: facts.reference, finalResponseDate: londonLocalDate(stage.respondedAt) };
  }
}

/** The last day to ask for the next stage: ESCALATION_WORKING_DAYS working days after the response's day. */
export function escalateBy(respondedAt: Date, calendar: WorkingDayCalendar): LocalDate {
  return calendar.deadlineAfterReceipt(respondedAt, ESCALATION_WORKING_DAYS).date;
}
