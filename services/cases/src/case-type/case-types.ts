import type { CaseTypeDefinition } from './domain/case-type.definition';
import { civilMoneyClaim } from './definitions/civil-money-claim';
import { divorce } from './definitions/divorce';
import { probate } from './definitions/probate';
import { socialSecurityAppeal } from './definitions/social-security-appeal';
import { criminalProsecution } from './definitions/criminal-prosecution';
import { immigrationStatusReview } from './definitions/immigration-status-review';
import { lastingPowerOfAttorney } from './definitions/lasting-power-of-attorney';

/**
 * The case types this service administers. A new case type is one more definition here; the
 * service checks them all at start-up (assertValidCaseTypes) and refuses to start on a bad one.
 */
export const CASE_TYPES: readonly CaseTypeDefinition[] = [
  civilMoneyClaim,
  divorce,
  probate,
  socialSecurityAppeal,
  criminalProsecution,
  immigrationStatusReview,
  lastingPowerOfAttorney,
];

export function findCaseType(id: string): CaseTypeDefinition | undefined {
  return CASE_TYPES.find((t) => t.id === id);
}
