import { ConflictError } from '@ccsc/platform/errors';
import type { CaseTypeDefinition } from '../../case-type/domain/case-type.definition';

/** Who refers a person for a status review: another government department, the police or another law-enforcement agency, or a team of our own. */
export const STAKEHOLDER_KINDS = ['other-department', 'police', 'law-enforcement', 'internal-team'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export interface RecordReferralCommand {
  stakeholderKind: StakeholderKind;
  /** The stakeholder by name: "Department for Work and Pensions", "Metropolitan Police Service". */
  stakeholderName: string;
  /** The stakeholder's own reference or contact for the referral. */
  contactReference?: string;
  /** What the stakeholder is concerned about: leave obtained by deception, a person who no longer qualifies... */
  concerns: string;
}

/** A referral as recorded; never edited (a further concern is a further referral). */
export interface Referral extends RecordReferralCommand {
  id: string;
  caseId: string;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * A case takes referrals when its type's readiness asks for one (a status review: nothing is investigated
 * without it), until it is finished.
 */
export function assertTakesReferral(type: CaseTypeDefinition, state: string): void {
  if (!type.events.some((event) => event.readiness.some((criterion) => criterion.kind === 'referral-recorded')))
    throw new ConflictError(`A ${type.name.en.toLowerCase()} case does not take referrals`);
  if (type.finalStates.includes(state))
    throw new ConflictError(`The case is ${state}; a referral is recorded on a review that is still open`);
}
