import { decisionRecorded } from '../definitions/criteria';
import type { CaseEventDefinition } from './case-type.definition';
import { assessReadiness, CaseFacts } from './readiness';

const decide: CaseEventDefinition = {
  id: 'decide',
  name: { en: 'Record the decision', cy: 'Cofnodi’r penderfyniad' },
  from: ['UnderInvestigation'],
  to: 'Decided',
  roles: ['caseworker'],
  parties: [],
  readiness: [decisionRecorded],
  whatHappensNext: { en: 'A notice is served.', cy: 'Cyflwynir hysbysiad.' },
};
const facts: CaseFacts = {
  parties: [],
  outstandingFees: [],
  documentsAwaitingAcceptance: 0,
  openAssistedDigitalReferral: false,
  decisionRecorded: false,
};

describe('readiness: the decision is recorded', () => {
  it('is not met until a decision is on record, and says what to do, in English and Welsh', () => {
    expect(assessReadiness(decide, facts)).toMatchObject({
      ready: false,
      criteria: [{ id: 'decision-recorded', met: false, reason: expect.stringContaining('Record the decision') }],
    });
    expect(assessReadiness(decide, facts, 'cy').criteria[0]?.reason).toContain('Cofnodwch y penderfyniad');
  });

  it('is met once a decision is recorded', () => {
    expect(assessReadiness(decide, { ...facts, decisionRecorded: true })).toMatchObject({
      ready: true,
      criteria: [{ id: 'decision-recorded', met: true }],
    });
  });
});
