import { assertWithinApprovalLimit } from '@ccsc/auth/four-eyes';
import type { Role } from '@ccsc/auth/principal';
import { normaliseAccountNumber } from '@ccsc/contracts';

/**
 * Where money approved to leave (refunds, consolatory payments) or to be forgiven (fee waivers) counts
 * together against an approver's limit (architecture.md: "approval limits count what is already approved on
 * the same account"): the case, the complaint whose remedies it is, every case that complaint names (so
 * consolatory payments agreed on several complaints about one case count together there) and the fine account a
 * refund of suspense leaves. One approval counts on each account it concerns, and must stay within the limit on
 * every one, so no slicing across a complaint's cases, across complaints about a case, or between a waiver and a
 * payment, gets past it.
 */
export interface ApprovalAccount {
  kind: 'case' | 'complaint' | 'fine-account';
  /** The case's or complaint's id, or the fine account's number as it is (normalised). */
  id: string;
}

export function approvalAccountsOf(concerns: {
  caseId?: string | null;
  complaintId?: string | null;
  /** A complaint remedy's: the cases its complaint names, each an account it counts on. */
  complaintCaseIds?: readonly string[];
  fineAccountNumber?: string | null;
}): ApprovalAccount[] {
  const accounts: ApprovalAccount[] = [];
  for (const caseId of new Set([concerns.caseId, ...(concerns.complaintCaseIds ?? [])]))
    if (caseId) accounts.push({ kind: 'case', id: caseId });
  if (concerns.complaintId) accounts.push({ kind: 'complaint', id: concerns.complaintId });
  if (concerns.fineAccountNumber)
    accounts.push({ kind: 'fine-account', id: normaliseAccountNumber(concerns.fineAccountNumber) });
  return accounts;
}

/** The account's key for its advisory lock: kinds never meet, whatever the ids. */
export function lockKeyOf(account: ApprovalAccount): string {
  return `approvals:${account.kind}:${account.id}`;
}

const WHERE: Record<ApprovalAccount['kind'], (id: string) => string> = {
  case: () => 'this case',
  complaint: () => 'this complaint',
  'fine-account': (id) => `fine account ${id}`,
};

/**
 * Refuses (403) an approval of `amountPence` that would take any of its accounts above the approver's
 * limit, counting what is approved there already (`approved`, one figure per account, in the same order).
 */
export function assertWithinLimits(
  accounts: readonly ApprovalAccount[],
  approved: readonly number[],
  amountPence: number,
  roles: readonly Role[],
): void {
  if (accounts.length === 0) assertWithinApprovalLimit(amountPence, roles, 'approved here');
  accounts.forEach((account, i) =>
    assertWithinApprovalLimit(
      (approved[i] ?? 0) + amountPence,
      roles,
      `approved on ${WHERE[account.kind](account.id)}`,
    ),
  );
}
