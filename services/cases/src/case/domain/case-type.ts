import type { Role } from '@ccsc/auth/principal';
import type { Party } from './party';
import { ANSWERING_ROLES, BRINGING_ROLES } from './party';

/**
 * Case types are data: states, events (allowed pre-states, post-state, who may trigger them) and
 * the readiness criteria an event needs. A new case type is a new definition, not new code.
 */
export interface ReadinessCriterion {
  id: string;
  description: string;
  /** Why the criterion is not met, in plain words for the user; undefined when it is met. */
  unmetBecause(parties: readonly Party[]): string | undefined;
}

export interface CaseEventDefinition {
  id: string;
  name: string;
  from: readonly string[];
  to: string;
  roles: readonly Role[];
  readiness: readonly ReadinessCriterion[];
  whatHappensNext: string;
}

export interface CaseTypeDefinition {
  id: string;
  name: string;
  initialState: string;
  states: readonly string[];
  events: readonly CaseEventDefinition[];
}

export const hasBringingParty: ReadinessCriterion = {
  id: 'has-applicant',
  description: 'The case names who is bringing it',
  unmetBecause: (parties) =>
    parties.some((p) => BRINGING_ROLES.includes(p.role)) ? undefined : 'Add the person or organisation bringing the case (applicant, claimant or appellant).',
};

export const hasAnsweringParty: ReadinessCriterion = {
  id: 'has-respondent',
  description: 'The case names who must answer it',
  unmetBecause: (parties) =>
    parties.some((p) => ANSWERING_ROLES.includes(p.role)) ? undefined : 'Add the person or organisation the case is against (respondent or defendant).',
};

export const civilMoneyClaim: CaseTypeDefinition = {
  id: 'civil-money-claim',
  name: 'Civil money claim',
  initialState: 'Draft',
  states: ['Draft', 'Submitted'],
  events: [
    {
      id: 'submit',
      name: 'Submit the claim',
      from: ['Draft'],
      to: 'Submitted',
      roles: ['citizen', 'professional', 'caseworker', 'team-leader'],
      readiness: [hasBringingParty, hasAnsweringParty],
      whatHappensNext: 'The court checks the claim and issues it, then the defendant has 14 days to respond.',
    },
  ],
};

export const CASE_TYPES: readonly CaseTypeDefinition[] = [civilMoneyClaim];

export function findCaseType(id: string): CaseTypeDefinition | undefined {
  return CASE_TYPES.find((t) => t.id === id);
}
