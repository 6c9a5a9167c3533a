import type { Role } from '@ccsc/auth';
import { BadUserInputError, ConflictError, ForbiddenError } from '@ccsc/platform/errors';

export const WRITE_OFF_REASONS = {
  'deceased': 'The defendant has died',
  'untraceable': 'The defendant cannot be traced',
  'hardship': 'Payment would cause exceptional hardship',
  'remitted-by-court': 'The court remitted the sum',
  'administrative-error': 'The sum was imposed or recorded in error',
  'uneconomic': 'Further enforcement would cost more than it recovers',
} as const;
export type WriteOffReason = keyof typeof WRITE_OFF_REASONS;

/** The most each role may approve in one write-off, in pence. */
export const APPROVAL_LIMIT_PENCE: Partial<Record<Role, number>> = {
  'enforcement-officer': 50_000,
  'team-leader': 500_000,
  'finance-officer': 10_000_000,
};

export function checkWriteOffRequest(amountPence: number, reason: string, balancePence: number): WriteOffReason {
  if (!(reason in WRITE_OFF_REASONS)) throw new BadUserInputError('Unknown reason', [{ field: 'reason', message: `must be one of ${Object.keys(WRITE_OFF_REASONS).join(', ')}` }]);
  if (!Number.isInteger(amountPence) || amountPence < 1) throw new BadUserInputError('Invalid amount', [{ field: 'amountPence', message: 'must be a positive whole number of pence' }]);
  if (amountPence > balancePence) throw new BadUserInputError('A write-off may not exceed the balance', [{ field: 'amountPence', message: `must be at most the balance of ${balancePence} pence` }]);
  return reason as WriteOffReason;
}

/** A second person approves, within their limit, and never more than what is still owed. */
export function checkApproval(request: { amountPence: number; requestedBy: string; status: string }, approver: { sub: string; roles: readonly Role[] }, balancePence: number): void {
  if (request.status !== 'requested') throw new ConflictError(`The write-off is already ${request.status}`);
  if (approver.sub === request.requestedBy) throw new ForbiddenError('A write-off must be approved by someone other than who asked for it');
  const limit = Math.max(0, ...approver.roles.map((r) => APPROVAL_LIMIT_PENCE[r] ?? 0));
  if (request.amountPence > limit) throw new ForbiddenError(`The write-off is above your approval limit of ${limit} pence`);
  if (request.amountPence > balancePence) throw new ConflictError(`The balance is now ${balancePence} pence, less than the write-off`);
}
