import { admits, CaseAccessScope, CaseAudience } from '@ccsc/case-access/rule';
import type { Party } from './party';

export { caseAccessOf } from '@ccsc/case-access/rule';
/** The platform's one access rule (libs/case-access); cases applies it to its own parties. */
export type CaseAccess = CaseAccessScope;

/** Whom a case's parties admit: published as `cases.case-access-changed.v1` for the other services. */
export function audienceOf(parties: readonly Party[]): CaseAudience {
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  return { organisations: distinct(parties.map((p) => p.representedBy)), users: distinct(parties.map((p) => p.userId)) };
}

export function canSeeCase(access: CaseAccess, parties: readonly Party[]): boolean {
  return admits(access, audienceOf(parties));
}
