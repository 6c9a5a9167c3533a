import { ConflictError, ForbiddenError } from '@ccsc/platform/errors';
import type { Role } from './roles';

/**
 * The subject earlier versions recorded as the proposer of what nobody in particular proposed (a
 * refund raised from a complaint's remedy). It names no person, so nobody can be the second one to
 * it: such a proposal must first be taken on by an officer.
 */
export const NO_PERSON = 'system';

/**
 * Four eyes on money (architecture.md): money leaves, or a debt is forgiven, only when two different
 * people have acted, the one who proposed it and the one who approves it. People are told apart by
 * their token subject and nothing else, so the same `sub` is the same person whatever role, route or
 * token it comes with. Every path that takes money out or forgives a debt calls this before acting.
 *
 * @param requestedBy the subject who proposed it (asked for the refund, agreed the remedy, allocated the payment...)
 * @param approver the subject now approving it
 * @param what what is being approved, for the message: "A refund", "An allocation"
 */
export function assertSecondPerson(requestedBy: string | null | undefined, approver: string, what: string): void {
  if (!requestedBy || requestedBy === NO_PERSON) {
    throw new ConflictError(`${what} has no officer who proposed it, so it cannot be approved until one takes it on`);
  }
  if (!approver || approver === NO_PERSON)
    throw new ConflictError(`${what} is approved by a person, never by the system`);
  if (requestedBy === approver)
    throw new ConflictError(`${what} must be approved by someone other than the person who proposed it`);
}

/**
 * Approval authority (architecture.md "Four eyes on money": approved "with the authority to"): the most each
 * role may approve of money leaving, or of a debt forgiven at an officer's discretion, on one account, in
 * pence. One table for the platform, so a role carries the same authority for a refund, a consolatory
 * payment, a fee waiver and a write-off. A role not listed approves nothing.
 */
export const APPROVAL_LIMIT_PENCE: Readonly<Partial<Record<Role, number>>> = {
  caseworker: 50_000,
  'enforcement-officer': 50_000,
  'team-leader': 500_000,
  'finance-officer': 10_000_000,
};

/** The largest limit among the approver's roles (0 when none has one). */
export function approvalLimit(roles: readonly Role[]): number {
  return Math.max(0, ...roles.map((r) => APPROVAL_LIMIT_PENCE[r] ?? 0));
}

/** The most anyone may approve on one account: a proposal above it could never be approved, so it is refused as it is made. */
export const HIGHEST_APPROVAL_LIMIT_PENCE = Math.max(...Object.values(APPROVAL_LIMIT_PENCE));

/** Why nobody may approve what would put `countedPence` on one account, or undefined when someone may. */
export function whyNobodyMayApprove(countedPence: number): string | undefined {
  return countedPence > HIGHEST_APPROVAL_LIMIT_PENCE
    ? `above the most anyone may approve (${HIGHEST_APPROVAL_LIMIT_PENCE} pence)`
    : undefined;
}

/** Refuses (409) proposing a sum nobody may approve (`HIGHEST_APPROVAL_LIMIT_PENCE`): it would wait for ever. */
export function assertApprovable(amountPence: number, what: string): void {
  const why = whyNobodyMayApprove(amountPence);
  if (why) throw new ConflictError(`${what} of ${amountPence} pence is ${why}`);
}

/** The limits of `roles` (those of a route's approvers) as an API description says them: "team-leader £5,000, ...". */
export function approvalLimitsText(roles: readonly Role[]): string {
  return Object.entries(APPROVAL_LIMIT_PENCE)
    .filter(([role]) => roles.includes(role as Role))
    .map(([role, pence]) => `${role} £${((pence ?? 0) / 100).toLocaleString('en-GB')}`)
    .join(', ');
}

/**
 * Refuses (403) an approval that would take what is approved on one account above the approver's limit.
 * `countedPence` is everything approved on the account with this approval included, so a sum cannot be
 * approved in slices under a limit, by one approver or by several.
 *
 * @param what what the sum is and where, for the message: "given back on this case"
 */
export function assertWithinApprovalLimit(countedPence: number, roles: readonly Role[], what: string): void {
  const limit = approvalLimit(roles);
  if (countedPence > limit)
    throw new ForbiddenError(
      `Approving it would put ${countedPence} pence ${what}, above your approval limit of ${limit} pence`,
    );
}
