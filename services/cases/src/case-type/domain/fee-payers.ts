import type { CaseTypeDefinition } from './case-type.definition';

/**
 * The party roles whose side pays a case type's fees: those that may trigger an event making a fee
 * due (the claimant files and pays). Fees, and any remission of them, are that side's business and
 * staff's; the other side would otherwise learn that a party was granted Help with Fees.
 */
export function feePayerRoles(caseType: CaseTypeDefinition | undefined): ReadonlySet<string> {
  return new Set((caseType?.events ?? []).filter((e) => e.fees?.length).flatMap((e) => e.parties));
}
