import { assertSecondPerson, NO_PERSON } from '@ccsc/auth/four-eyes';
import { ConflictError } from '@ccsc/platform/errors';

export const FEE_WAIVER_STATUSES = ['awaiting-approval', 'approved', 'rejected'] as const;
export type FeeWaiverStatus = (typeof FEE_WAIVER_STATUSES)[number];

/** A fee on a case waived as a complaint's remedy: forgiven only once a second person approves it. */
export interface FeeWaiver {
  id: string;
  complaintId: string;
  remedyId: string;
  caseId: string;
  serviceRequestId: string;
  feeId: string;
  feeCode: string;
  amountPence: number;
  status: FeeWaiverStatus;
  /** The officer who agreed the remedy. */
  requestedBy: string;
  decidedBy: string | null;
  /** What the approval remitted: the waiver, or less when part of the fee was remitted meanwhile. */
  remittedPence: number | null;
  createdAt: Date;
}

/**
 * Four eyes, as for every remission: never approved by the officer who agreed the remedy. One that
 * names no officer can only be rejected, for the complaint to agree it again.
 */
export function decideFeeWaiver(waiver: FeeWaiver, approve: boolean, approver: string): FeeWaiverStatus {
  if (waiver.status !== 'awaiting-approval')
    throw new ConflictError(`The fee waiver is ${waiver.status}, not awaiting approval`);
  if (approve || waiver.requestedBy !== NO_PERSON) assertSecondPerson(waiver.requestedBy, approver, 'A fee waiver');
  return approve ? 'approved' : 'rejected';
}

/**
 * What approving remits: the waiver, up to what is left of the fee; nothing left is a conflict, for
 * the approver to reject it.
 */
export function waiverRemission(
  waiver: Pick<FeeWaiver, 'amountPence' | 'feeCode'>,
  fee: { amountPence: number; remittedPence: number },
): number {
  const left = fee.amountPence - fee.remittedPence;
  if (left <= 0) throw new ConflictError(`Nothing is left of ${waiver.feeCode} to waive: reject the waiver`);
  return Math.min(waiver.amountPence, left);
}
