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
/** The current decision has been checked and approved by a second person before anything is served on its basis. */
export const decisionChecked: ReadinessCriterion = { id: 'decision-checked', kind: 'decision-checked' };
/** Status review: who referred the person, and their concerns, are on record before anyone investigates. */
export const referralRecorded: ReadinessCriterion = { id: 'referral-recorded', kind: 'referral-recorded' };
/** At least one document is accepted on the case (`documentsAccepted` alone is also met by no documents at all). */
export const evidenceAccepted: ReadinessCriterion = { id: 'evidence-accepted', kind: 'evidence-accepted' };
/** The minded-to notice states its proposed outcome and grounds, which `issueMindedToNotice` records with it. */
export const mindedToNoticeGrounds: ReadinessCriterion = { id: 'grounds-given', kind: 'minded-to-notice-grounds' };
/** Representations are recorded, or the time for them (the case type's deadline of that id) has ended. */
export const representationsConsidered = (deadline: string): ReadinessCriterion => ({
  id: 'representations-considered',
  kind: 'representations-considered',
  deadline,
});
