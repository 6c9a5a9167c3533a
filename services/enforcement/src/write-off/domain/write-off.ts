import { assertSecondPerson } from '@ccsc/auth/four-eyes';
import type { Role } from '@ccsc/auth/principal';
import { BadUserInputError, ConflictError, ForbiddenError } from '@ccsc/platform/errors';

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

/**
 * The most each role may see written off on one account, in pence: what is already written off
 * counts, so a sum cannot be approved in slices under the limit.
 */
export const APPROVAL_LIMIT_PENCE: Partial<Record<Role, number>> = {
  'enforcement-officer': 50_000,
  'team-leader': 500_000,
  'finance-officer': 10_000_000,
};

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
  const limit = Math.max(0, ...approver.roles.map((r) => APPROVAL_LIMIT_PENCE[r] ?? 0));
  const counted = standing.writtenOffPence + standing.approverPendingPence + request.amountPence;
  if (counted > limit) {
    throw new ForbiddenError(
      `Approving it would put ${counted} pence written off (or asked for by you) on the account, above your approval limit of ${limit} pence`,
    );
  }
  if (request.amountPence > standing.balancePence)
    throw new ConflictError(`The balance is now ${standing.balancePence} pence, less than the write-off`);
}
