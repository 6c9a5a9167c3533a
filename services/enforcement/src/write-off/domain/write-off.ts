import { assertApprovable, assertSecondPerson, assertWithinApprovalLimit } from '@ccsc/auth/four-eyes';
import type { Role } from '@ccsc/auth/principal';
import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';

export const WRITE_OFF_REASONS = {
  deceased: 'The defendant has died',
  untraceable: 'The defendant cannot be traced',
  hardship: 'Payment would cause exceptional hardship',
  'remitted-by-court': 'The court remitted the sum',
  'administrative-error': 'The sum was imposed or recorded in error',
  uneconomic: 'Further enforcement would cost more than it recovers',
} as const;
export type WriteOffReason = keyof typeof WRITE_OFF_REASONS;

export interface WriteOff {
  id: string;
  accountId: string;
  amountPence: number;
  reason: string;
  status: 'requested' | 'approved' | 'rejected';
  requestedBy: string;
  decidedBy: string | null;
}

export function checkWriteOffRequest(amountPence: number, reason: string, balancePence: number): WriteOffReason {
  if (!(reason in WRITE_OFF_REASONS))
    throw new BadUserInputError('Unknown reason', [
      { field: 'reason', message: `must be one of ${Object.keys(WRITE_OFF_REASONS).join(', ')}` },
    ]);
  if (!Number.isInteger(amountPence) || amountPence < 1)
    throw new BadUserInputError('Invalid amount', [
      { field: 'amountPence', message: 'must be a positive whole number of pence' },
    ]);
  if (amountPence > balancePence)
    throw new BadUserInputError('A write-off may not exceed the balance', [
      { field: 'amountPence', message: `must be at most the balance of ${balancePence} pence` },
    ]);
  assertApprovable(amountPence, 'A write-off');
  return reason as WriteOffReason;
}

/** What a decision is weighed against: the account as it is now, and the approver's own requests on it still pending. */
export interface WriteOffStanding {
  balancePence: number;
  writtenOffPence: number;
  /** Write-offs of this account the approver asked for, not yet decided: someone else may approve them next. */
  approverPendingPence: number;
}

/**
 * A second person decides (four eyes, by subject); an approval stays within the approver's limit
 * counting everything written off on the account, this write-off and the approver's own pending
 * requests on it, and never takes more than is still owed.
 */
export function checkDecision(
  request: { amountPence: number; requestedBy: string; status: string },
  approver: { sub: string; roles: readonly Role[] },
  approve: boolean,
  standing: WriteOffStanding,
): void {
  if (request.status !== 'requested') throw new ConflictError(`The write-off is already ${request.status}`);
  assertSecondPerson(request.requestedBy, approver.sub, 'A write-off');
  if (!approve) return;
  // Everything written off on the account counts (APPROVAL_LIMIT_PENCE), and the approver's own pending requests on it.
  const counted = standing.writtenOffPence + standing.approverPendingPence + request.amountPence;
  assertWithinApprovalLimit(counted, approver.roles, 'written off (or asked for by you) on the account');
  if (request.amountPence > standing.balancePence)
    throw new ConflictError(`The balance is now ${standing.balancePence} pence, less than the write-off`);
}
