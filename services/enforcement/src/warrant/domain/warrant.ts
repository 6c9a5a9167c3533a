import { hasRole, type Principal, type Role } from '@ccsc/auth/principal';
import { BadUserInputError, ConflictError, ForbiddenError } from '@ccsc/platform/errors';
import { ENFORCEMENT_AGENT } from '../../roles';

export const WARRANT_STATUSES = [
  'issued',
  'with-agent',
  'executed',
  'returned-unexecuted',
  'withdrawn',
  'expired',
] as const;
export type WarrantStatus = (typeof WARRANT_STATUSES)[number];

/** How long a warrant stays in force before it expires unexecuted. */
export const WARRANT_VALIDITY_DAYS = 365;

export interface Warrant {
  id: string;
  accountId: string;
  accountNumber: string;
  kind: string;
  status: WarrantStatus;
  agent: string | null;
  collectedPence: number | null;
  issuedOn: string;
  expiresOn: string;
}

/** Where a warrant may go from each status; executed, returned, withdrawn and expired are final. */
const NEXT: Record<WarrantStatus, readonly WarrantStatus[]> = {
  issued: ['with-agent', 'withdrawn', 'expired'],
  'with-agent': ['executed', 'returned-unexecuted', 'withdrawn', 'expired'],
  executed: [],
  'returned-unexecuted': [],
  withdrawn: [],
  expired: [],
};

export interface WarrantChange {
  status: WarrantStatus;
  agent?: string;
  collectedPence?: number;
}

/** Who acts on warrants: an officer of the court, or the enforcement agency holding the warrant. */
export type WarrantReporter = 'officer' | 'agency';

/**
 * How the caller acts on warrants: with an agency's token as that agency (`org`), only on the warrants given
 * to it, whatever other role it carries (an agency migrating from a `system` client holds both); with one
 * of `officerRoles` (the staff the action is for) as an officer, on every warrant; anyone else not at all.
 */
export function warrantRoleOf(principal: Principal, officerRoles: readonly Role[]): WarrantReporter | undefined {
  if (hasRole(principal, ENFORCEMENT_AGENT)) return principal.organisationId ? 'agency' : undefined;
  if (hasRole(principal, ...officerRoles)) return 'officer';
  return undefined;
}

/** The warrant is one the caller may act on: any for an officer, only those given to it for an agency. */
export function mayActOnWarrant(
  role: WarrantReporter | undefined,
  principal: Principal,
  warrant: Pick<Warrant, 'agent'>,
): boolean {
  return role === 'officer' || (role === 'agency' && warrant.agent === principal.organisationId);
}

/** The one kind of warrant an enforcement agency executes; a committal warrant is not an agency's. */
export const AGENCY_WARRANT_KIND = 'warrant-of-control';

/**
 * What each may report. The agency holding a warrant reports what it did with it: executed (with the
 * money, which reduces the fine as a payment: an officer saying so would clear a fine with no money)
 * or returned unexecuted. Giving a warrant to an agency, withdrawing it and its expiry are the court's.
 */
const REPORTED_BY: Record<WarrantStatus, readonly WarrantReporter[]> = {
  issued: [],
  'with-agent': ['officer'],
  executed: ['agency'],
  'returned-unexecuted': ['officer', 'agency'],
  withdrawn: ['officer'],
  expired: ['officer'],
};

/**
 * A change to a warrant as `by` reports it. `owedPence` is what the account owes: an agency collects no more
 * than that (what it takes beyond is its own fees, not the court's money), and a report of more is refused
 * rather than parked in suspense where one officer could move it.
 */
export function checkWarrantChange(
  warrant: Pick<Warrant, 'status' | 'kind'>,
  change: WarrantChange,
  by: WarrantReporter = 'officer',
  owedPence = Number.MAX_SAFE_INTEGER,
): WarrantChange {
  const current = warrant.status;
  if (!REPORTED_BY[change.status].includes(by))
    throw new ForbiddenError(
      by === 'officer'
        ? 'Only the enforcement agency holding the warrant reports its execution and what it collected'
        : `An enforcement agency reports a warrant it holds executed or returned-unexecuted; ${change.status} is the court's`,
    );
  if (!NEXT[current].includes(change.status)) {
    throw new ConflictError(
      `A warrant ${current} cannot become ${change.status}; it may become: ${NEXT[current].join(', ') || 'nothing, it is final'}`,
    );
  }
  if (change.status === 'with-agent' && !change.agent)
    throw new BadUserInputError('Which agent?', [
      { field: 'agent', message: 'a warrant is given to a named enforcement agent' },
    ]);
  if (change.status !== 'with-agent' && change.agent !== undefined)
    throw new BadUserInputError('An agency is named only when the warrant is given to it', [
      { field: 'agent', message: 'only with status with-agent' },
    ]);
  if (change.status === 'with-agent' && warrant.kind !== AGENCY_WARRANT_KIND)
    throw new ConflictError(
      `A ${warrant.kind} is not given to an enforcement agency: agencies execute a ${AGENCY_WARRANT_KIND} only`,
    );
  if (change.status === 'executed' && (change.collectedPence ?? 0) > owedPence)
    throw new ConflictError(
      owedPence === 0
        ? 'The account owes nothing now: the warrant is returned unexecuted, and anything collected goes back to the debtor'
        : `The account owes ${owedPence} pence: an agency reports what it collected towards it, at most that`,
    );
  if (change.status === 'executed' && !(Number.isInteger(change.collectedPence) && (change.collectedPence ?? 0) >= 1)) {
    throw new BadUserInputError('What was collected?', [
      { field: 'collectedPence', message: 'an executed warrant reports what it collected, in whole pence' },
    ]);
  }
  if (change.status !== 'executed' && change.collectedPence !== undefined)
    throw new BadUserInputError('Only an executed warrant collects', [
      { field: 'collectedPence', message: 'only with status executed' },
    ]);
  return change;
}
