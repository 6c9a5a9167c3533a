import type { PartyRole } from '../../case/domain/party';
import type { ReadinessCriterion } from '../domain/case-type.definition';

// Criteria that several case types use, named once.
export const hasParty = (id: string, ...roles: PartyRole[]): ReadinessCriterion => ({ id, kind: 'party', roles });
export const feesSettled: ReadinessCriterion = { id: 'fees-settled', kind: 'fees-settled' };
export const documentsAccepted: ReadinessCriterion = { id: 'documents-accepted', kind: 'documents-accepted' };
/** The "decide" event moves a case to decided: the decision itself must be on record first. */
export const decisionRecorded: ReadinessCriterion = { id: 'decision-recorded', kind: 'decision-recorded' };
export const noOpenAssistedDigitalReferral: ReadinessCriterion = {
  id: 'no-open-assisted-digital-referral',
  kind: 'no-open-assisted-digital-referral',
};
/** The case type's deadline of that id has passed (the event is available from the day after it ends). */
export const deadlinePassed = (deadline: string): ReadinessCriterion => ({
  id: `${deadline}-passed`,
  kind: 'deadline-passed',
  deadline,
});
