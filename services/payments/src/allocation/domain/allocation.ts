import { assertSecondPerson } from '@ccsc/auth/four-eyes';
import { isValidAccountNumber, normaliseAccountNumber } from '@ccsc/contracts';
import { BadUserInputError, ConflictError, FieldError } from '@ccsc/platform/errors';

export const ALLOCATION_TARGETS = ['service-request', 'fine-account', 'unidentified'] as const;
export type AllocationTarget = (typeof ALLOCATION_TARGETS)[number];
export const ALLOCATION_STATUSES = [
  'awaiting-verification',
  'verified',
  'rejected',
  'reversed',
  'transferred',
] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

export interface AllocationRequest {
  target: AllocationTarget;
  caseId?: string;
  fineAccountNumber?: string;
  amountPence?: number;
  reason?: string;
}

export interface Allocation {
  id: string;
  paymentId: string;
  target: AllocationTarget;
  caseId: string | null;
  fineAccountNumber: string | null;
  amountPence: number;
  reason: string | null;
  status: AllocationStatus;
  allocatedBy: string;
  allocatedAt: Date;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  /** For a transfer: the verified allocation it moves the money from. */
  replaces: string | null;
}

/** An allocation as stored: a service request target is the case's service request. */
export interface StoredAllocation extends Allocation {
  serviceRequestId: string | null;
}

/** What a target needs and may not carry: a case, a fine account, or (unidentified) a reason. */
export function allocationProblems(request: AllocationRequest): FieldError[] {
  const problems: FieldError[] = [];
  const want = (field: 'caseId' | 'fineAccountNumber' | 'reason', needed: boolean) => {
    // null is not given either (a JSON body or a GraphQL variable may say so).
    const given = request[field] !== undefined && request[field] !== null;
    if (needed && !given) problems.push({ field, message: `is required to allocate to ${request.target}` });
    if (!needed && given && field !== 'reason')
      problems.push({ field, message: `cannot be given to allocate to ${request.target}` });
  };
  want('caseId', request.target === 'service-request');
  want('fineAccountNumber', request.target === 'fine-account');
  want('reason', request.target === 'unidentified');
  // Stored as the number it is (normalised), so one account is one account wherever its money is counted.
  if (
    request.target === 'fine-account' &&
    request.fineAccountNumber &&
    !isValidAccountNumber(request.fineAccountNumber)
  )
    problems.push({
      field: 'fineAccountNumber',
      message: 'must be a fine account number: FA, eight digits and the check letter',
    });
  return problems;
}

/**
 * The amount of a new allocation: what is asked, or all that is left. A payment is never allocated
 * beyond its amount: allocations awaiting verification count, so two officers cannot both take it.
 */
export function allocationAmount(request: AllocationRequest, paymentPence: number, allocatedPence: number): number {
  const problems = allocationProblems(request);
  if (problems.length) throw new BadUserInputError('The allocation is not complete', problems);
  const left = paymentPence - allocatedPence;
  if (left <= 0) throw new ConflictError('The payment has already been allocated in full');
  const amount = request.amountPence ?? left;
  if (amount > left) throw new ConflictError(`Only ${left} pence of the payment is left to allocate`);
  return amount;
}

/**
 * The four-eyes rule: a second officer verifies, never the one who allocated (or who recorded the
 * payment a match proposed it for).
 */
export function assertCanVerify(allocation: Allocation, verifier: string): void {
  if (allocation.status !== 'awaiting-verification')
    throw new ConflictError(`The allocation is already ${allocation.status}`);
  assertSecondPerson(allocation.allocatedBy, verifier, 'An allocation');
}

/** Only money that has actually gone somewhere (a verified allocation) can be moved on, and only to somewhere else. */
/** A fine account number as the number it is, however typed (older allocations kept it as typed). */
const numberOf = (typed: string | null | undefined) => (typed ? normaliseAccountNumber(typed) : null);

export function assertCanTransfer(from: Allocation, to: AllocationRequest): void {
  if (from.status !== 'verified')
    throw new ConflictError(`Only a verified allocation can be transferred; this one is ${from.status}`);
  const same =
    from.target === to.target &&
    (from.caseId ?? null) === (to.caseId ?? null) &&
    numberOf(from.fineAccountNumber) === numberOf(to.fineAccountNumber);
  if (same) throw new ConflictError('A transfer must go somewhere other than where the money already is');
  if (to.amountPence !== undefined && to.amountPence !== null && to.amountPence !== from.amountPence) {
    throw new BadUserInputError('A transfer moves the whole allocation', [
      { field: 'amountPence', message: `must be ${from.amountPence} or left out` },
    ]);
  }
}
