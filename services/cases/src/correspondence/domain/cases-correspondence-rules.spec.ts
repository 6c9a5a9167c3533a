import { hearingListedV1, type HearingStatusChangedV1 } from '@ccsc/contracts';
import { loadTemplates, render } from '@ccsc/correspondence';
import {
  CASES_CORRESPONDENCE_RULES,
  CASES_RECIPIENT_PLACEHOLDER,
  casesCorrespondenceRuleProblems,
  checkCasesCorrespondenceRules,
  type AnyCasesCorrespondenceRule,
} from './cases-correspondence-rules';

const templates = loadTemplates();
const caseId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const facts = { reference: '1234567890123456' };
const ruleFor = (template: string) => CASES_CORRESPONDENCE_RULES.find((r) => r.template === template)!;
const statusChange = (from: string, to: string): HearingStatusChangedV1 => ({
  caseId,
  hearingId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  from,
  to,
  startsAt: '2026-07-14T09:00:00.000Z',
});

describe("cases' correspondence rules", () => {
  it('fit the templates', () => {
    expect(casesCorrespondenceRuleProblems(templates)).toEqual([]);
    expect(() => checkCasesCorrespondenceRules(templates)).not.toThrow();
  });

  it('name every misfit: a missing template, a missing value, a value the template lacks', () => {
    const listed = ruleFor('cases.hearing-listed');
    const broken: AnyCasesCorrespondenceRule[] = [
      { ...listed, template: 'cases.no-such-template' },
      { ...listed, supplies: ['caseReference', 'hearingDate', 'hearingTime', 'venue'] },
    ];
    expect(casesCorrespondenceRuleProblems(templates, broken)).toEqual([
      'cases.hearing-listed.v1 → cases.no-such-template: no such template',
      'cases.hearing-listed.v1 → cases.hearing-listed: no value for ((venueName))',
      'cases.hearing-listed.v1 → cases.hearing-listed: ((venue)) is not in the template',
    ]);
  });

  it('render a listed hearing with its London day and time, in English and Welsh', () => {
    const listed = ruleFor('cases.hearing-listed');
    expect(listed.type).toBe(hearingListedV1);
    const values = listed.values(
      {
        caseId,
        hearingId: '0f8fad5b-d9cb-469f-a165-70867728950e',
        hearingType: 'final-hearing',
        venueId: 'CDF',
        venueName: 'Cardiff Civil Justice Centre',
        startsAt: '2026-07-14T09:00:00.000Z',
        durationMinutes: 60,
      },
      facts,
    );
    expect(values).toEqual({
      caseReference: facts.reference,
      hearingDate: '2026-07-14',
      hearingTime: '10:00',
      venueName: 'Cardiff Civil Justice Centre',
    });
    const template = templates.get('cases.hearing-listed');
    const cy = render(template, 'cy', { ...values, [CASES_RECIPIENT_PLACEHOLDER]: 'Siân' });
    expect(cy.body).toContain('14 Gorffennaf 2026 am 10:00 yn Cardiff Civil Justice Centre');
  });

  it('tell the parties of a hearing called off before it started, and of nothing else a hearing does', () => {
    const vacated = ruleFor('cases.hearing-vacated');
    expect(vacated.when!(statusChange('listed', 'vacated'))).toBe(true);
    expect(vacated.when!(statusChange('running-late', 'adjourned'))).toBe(true);
    expect(vacated.when!(statusChange('in-progress', 'adjourned'))).toBe(false);
    expect(vacated.when!(statusChange('listed', 'running-late'))).toBe(false);
    expect(vacated.when!(statusChange('in-progress', 'completed'))).toBe(false);
    expect(vacated.values(statusChange('listed', 'vacated'), facts)).toEqual({
      caseReference: facts.reference,
      hearingDate: '2026-07-14',
    });
  });
});
