import { WorkingDayCalendar } from '@ccsc/calendar';
import { complaintOpenedV1, complaintStageChangedV1 } from '@ccsc/contracts';
import { loadTemplates, render } from '@ccsc/correspondence';
import {
  checkComplaintRules,
  COMPLAINANT_NAME_PLACEHOLDER,
  COMPLAINT_CORRESPONDENCE_RULES,
  escalateBy,
  ruleFor,
  valuesFor,
} from './complaint-correspondence-rules';

const calendar = WorkingDayCalendar.englandAndWales();
const templates = loadTemplates();

describe('the complaints correspondence rule table', () => {
  it('fits the templates it names', () => {
    expect(checkComplaintRules(templates)).toEqual([]);
  });

  it('names the rule that leaves a placeholder empty, fills one the template lacks, or has no template', () => {
    const [ack, response] = COMPLAINT_CORRESPONDENCE_RULES;
    expect(
      checkComplaintRules(templates, [
        { ...ack!, values: ['complaintReference', 'receivedDate', 'dueDay'] },
        { ...response!, template: 'complaints.no-such-thing' },
      ]),
    ).toEqual([
      'rule acknowledgement: leaves ((responseDueDate)) of complaints.complaint-acknowledged empty',
      'rule acknowledgement: fills ((dueDay)), which complaints.complaint-acknowledged does not have',
      'rule stage-response: no template complaints.no-such-thing',
    ]);
  });

  it('acknowledges every complaint, answers stages 1 and 2 with their response and stage 3 with escalation rights', () => {
    const changed = (stage: number, status: string) => ruleFor(complaintStageChangedV1.type, { stage, status })?.id;
    expect(ruleFor(complaintOpenedV1.type, {})?.id).toBe('acknowledgement');
    expect(changed(1, 'response-sent')).toBe('stage-response');
    expect(changed(2, 'response-sent')).toBe('stage-response');
    expect(changed(3, 'response-sent')).toBe('escalation-rights');
    for (const status of ['received', 'acknowledged', 'investigating', 'response-drafted'])
      expect(changed(1, status)).toBeUndefined();
    expect(ruleFor('complaints.complaint-closed.v1', {})).toBeUndefined();
  });
});

describe('the values of each rule', () => {
  const facts = {
    reference: 'CMP-000123',
    receivedAt: new Date('2026-12-04T23:30:00Z'),
    stage: {
      stage: 1,
      dueDate: '2026-12-18',
      responseText: 'We looked into it.\r\n\r\nWe are sorry.',
      respondedAt: new Date('2026-12-10T15:00:00Z'),
    },
  };
  const rule = (id: string) => COMPLAINT_CORRESPONDENCE_RULES.find((r) => r.id === id)!;
  const rendered = (id: string, language: 'en' | 'cy') =>
    render(templates.get(rule(id).template), language, {
      ...valuesFor(rule(id), facts, calendar)!,
      [COMPLAINANT_NAME_PLACEHOLDER]: 'Rhian Evans',
    });

  it('acknowledges with the reference, the London day it came and the day stage 1 is due', () => {
    expect(valuesFor(rule('acknowledgement'), facts, calendar)).toEqual({
      complaintReference: 'CMP-000123',
      receivedDate: '2026-12-04',
      responseDueDate: '2026-12-18',
    });
    expect(rendered('acknowledgement', 'cy').body).toContain('18 Rhagfyr 2026');
  });

  it("answers a stage with the response's paragraphs and the escalate-by day, 20 working days on", () => {
    expect(escalateBy(facts.stage.respondedAt, calendar)).toBe('2027-01-12');
    const text = rendered('stage-response', 'en');
    expect(text.body).toContain('We looked into it.\n\nWe are sorry.');
    expect(text.body).toContain('by 12 January 2027');
    expect(rendered('stage-response', 'cy').body).toContain('12 Ionawr 2027');
    expect(
      valuesFor(rule('stage-response'), { ...facts, stage: { ...facts.stage, responseText: null } }, calendar),
    ).toBeUndefined();
  });

  it('gives escalation rights with the day the final response went', () => {
    expect(valuesFor(rule('escalation-rights'), facts, calendar)).toEqual({
      complaintReference: 'CMP-000123',
      finalResponseDate: '2026-12-10',
    });
  });
});
