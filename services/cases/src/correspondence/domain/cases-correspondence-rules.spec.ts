import {
  hearingListedV1,
  hearingRelistedV1,
  type CaseStateChangedV1,
  type HearingRelistedV1,
  type HearingStatusChangedV1,
} from '@ccsc/contracts';
import { findCaseType } from '../../case-type/case-types';
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
const facts = { reference: '1234567890123456', at: new Date('2026-07-01T09:00:00Z') };
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
    expect(vacated.when!(statusChange('listed', 'vacated'), facts)).toBe(true);
    expect(vacated.when!(statusChange('running-late', 'adjourned'), facts)).toBe(true);
    expect(vacated.when!(statusChange('in-progress', 'adjourned'), facts)).toBe(false);
    expect(vacated.when!(statusChange('listed', 'running-late'), facts)).toBe(false);
    expect(vacated.when!(statusChange('in-progress', 'completed'), facts)).toBe(false);
    expect(vacated.values(statusChange('listed', 'vacated'), facts)).toEqual({
      caseReference: facts.reference,
      hearingDate: '2026-07-14',
    });
  });

  it('tell the parties an adjourned hearing is listed again: from the day it was listed for to its new day, time and venue', () => {
    const changed = ruleFor('cases.hearing-changed');
    expect(changed.type).toBe(hearingRelistedV1);
    const relisted: HearingRelistedV1 = {
      caseId,
      hearingId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      startsAt: '2026-09-02T13:30:00.000Z',
      previousStartsAt: '2026-07-14T09:00:00.000Z',
      venueName: 'Cardiff Civil Justice Centre',
    };
    const values = changed.values(relisted, facts);
    expect(values).toEqual({
      caseReference: facts.reference,
      previousHearingDate: '2026-07-14',
      hearingDate: '2026-09-02',
      hearingTime: '14:30',
      venueName: 'Cardiff Civil Justice Centre',
    });
    const en = render(templates.get('cases.hearing-changed'), 'en', {
      ...values,
      [CASES_RECIPIENT_PLACEHOLDER]: 'Sam',
    });
    expect(en.body).toContain('listed for 14 July 2026 was adjourned. It has now been listed again.');
    expect(en.body).toContain('2 September 2026 at 14:30 at Cardiff Civil Justice Centre');
  });

  const stateChange = (event: string, from: string, to: string): CaseStateChangedV1 => ({
    caseId,
    reference: facts.reference,
    event,
    from,
    to,
  });

  it("tell every party the case was issued, naming the type's court in each language, on the types that say so", () => {
    const issued = ruleFor('cases.case-issued');
    const moneyClaim = { ...facts, caseType: findCaseType('civil-money-claim') };
    expect(issued.when!(stateChange('issue', 'Submitted', 'Issued'), moneyClaim)).toBe(true);
    expect(issued.when!(stateChange('serve', 'Issued', 'AwaitingResponse'), moneyClaim)).toBe(false);
    expect(issued.when!(stateChange('issue', 'Submitted', 'Issued'), facts)).toBe(false);
    const values = issued.values(stateChange('issue', 'Submitted', 'Issued'), moneyClaim);
    const template = templates.get('cases.case-issued');
    const both = render(template, 'bilingual', { ...values, [CASES_RECIPIENT_PLACEHOLDER]: 'Siân' });
    expect(both.body).toContain(
      'Cafodd eich achos ei gyhoeddi ar 1 Gorffennaf 2026 gan y Ganolfan Fusnes Genedlaethol Sifil.',
    );
    expect(both.body).toContain('Your case was issued by the Civil National Business Centre on 1 July 2026');
  });

  it("give the last day to appeal a decision by the case type's time to appeal, from the London day it was made", () => {
    const decided = ruleFor('cases.decision-made');
    // 23:30 UTC on 30 June is 1 July in London: 21 calendar days from then end on 22 July.
    const late = { ...facts, at: new Date('2026-06-30T23:30:00Z'), caseType: findCaseType('civil-money-claim') };
    expect(decided.when!(stateChange('decide', 'Listed', 'Decided'), late)).toBe(true);
    // A judgment in default is set aside, not appealed: no letter gives a time to appeal it; its own letter says so.
    const entered = stateChange('enter-default-judgment', 'DefaultJudgmentRequested', 'Decided');
    expect(decided.when!(entered, late)).toBe(false);
    const inDefault = ruleFor('cases.default-judgment-entered');
    expect(inDefault.when!(entered, late)).toBe(true);
    expect(inDefault.when!(stateChange('decide', 'Listed', 'Decided'), late)).toBe(false);
    expect(inDefault.values(entered, late)).toEqual({ caseReference: facts.reference, judgmentDate: '2026-07-01' });
    const letter = render(templates.get('cases.default-judgment-entered'), 'bilingual', {
      ...inDefault.values(entered, late),
      [CASES_RECIPIENT_PLACEHOLDER]: 'Siân',
    });
    expect(letter.body).toContain('apply to the court to set it aside or vary it');
    expect(letter.body).toContain("wneud cais i'r llys i'w roi o'r neilltu");
    expect(letter.body).not.toMatch(/appeal/i);
    expect(decided.values(stateChange('decide', 'Listed', 'Decided'), late)).toEqual({
      caseReference: facts.reference,
      decisionDate: '2026-07-01',
      appealDeadline: '2026-07-22',
    });
    // A status review's decision is made known by serving its notice, which opens the 14-day appeal window.
    const review = { ...facts, caseType: findCaseType('immigration-status-review') };
    expect(decided.when!(stateChange('decide', 'MindedToNotice', 'Decided'), review)).toBe(false);
    expect(decided.when!(stateChange('serve-notice', 'Decided', 'AppealWindowOpen'), review)).toBe(true);
    expect(decided.values(stateChange('serve-notice', 'Decided', 'AppealWindowOpen'), review)).toMatchObject({
      appealDeadline: '2026-07-15',
    });
  });
});
