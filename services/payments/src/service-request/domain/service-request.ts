import { ConflictError } from '@ccsc/platform/errors';

export const SERVICE_REQUEST_STATUSES = ['paid', 'partially-paid', 'not-paid', 'disputed'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];

/** A fee on a service request, with what has been remitted of it. */
export interface DueFee {
  id: string;
  code: string;
  amountPence: number;
  remittedPence: number;
  createdAt: Date;
}

/** A fee as stored on a service request: the version it was priced at, and what cases has been told of it. */
export interface ServiceRequestFee extends DueFee {
  version: number;
  pricingBasis: string;
  caseEvent: string | null;
  /** What cases was last told: settled as paid or remitted, or not settled. */
  settled: 'paid' | 'remitted' | null;
}

/** A case's service request: its fees, and what has been paid on it. */
export interface ServiceRequest {
  id: string;
  caseId: string;
  disputed: boolean;
  createdAt: Date;
  fees: ServiceRequestFee[];
  /** Net of refunds and reversals, from the ledger. */
  paidPence: number;
}

/**
 * A remission of (part of) a fee, by Help with Fees or a complaint's fee waiver; `reference` is the
 * application or remedy.
 */
export interface Remission {
  serviceRequestId: string;
  feeId: string;
  amountPence: number;
  source: 'help-with-fees' | 'fee-waiver';
  reference: string;
  /** Adds to the remission already made under this reference (a Help with Fees application reassessed upwards). */
  increase?: boolean;
}

export interface ApportionedFee extends DueFee {
  paidPence: number;
  outstandingPence: number;
  /** Settled once nothing is outstanding: `remitted` when remission alone covered it. */
  settlement: 'paid' | 'remitted' | null;
}

export interface ServiceRequestBalance {
  fees: ApportionedFee[];
  feesPence: number;
  remittedPence: number;
  paidPence: number;
  outstandingPence: number;
  overpaymentPence: number;
  /**
   * Money paid back out that the court never kept: a refund of a payment that later bounced leaves the net
   * paid below zero. It is owed by the payer, and shown here rather than as fees owing more than they are;
   * the next payments recover it before they count towards the fees (the ledger nets them).
   */
  unrecoveredPence: number;
  status: ServiceRequestStatus;
}

/**
 * Spreads the net amount paid on a service request over its fees, oldest first, after each
 * fee's remission; whatever is left over is overpayment. `netPaidPence` is net of refunds and
 * reversals (it comes from the ledger), so a bounced cheque un-settles the newest fees first. Below
 * zero (a refund, then the payment it refunded bounced) it counts as nothing paid, and the rest is
 * `unrecoveredPence`: the fees never owe more than they are.
 */
export function apportion(fees: readonly DueFee[], netPaidPence: number, disputed = false): ServiceRequestBalance {
  const paidPence = Math.max(0, netPaidPence);
  const ordered = [...fees].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  let left = paidPence;
  const apportioned = ordered.map((fee): ApportionedFee => {
    const due = Math.max(0, fee.amountPence - fee.remittedPence);
    const paid = Math.min(due, left);
    left -= paid;
    const outstanding = due - paid;
    const settlement = outstanding > 0 ? null : paid === 0 && fee.remittedPence > 0 ? 'remitted' : 'paid';
    return { ...fee, paidPence: paid, outstandingPence: outstanding, settlement };
  });
  const feesPence = sum(ordered.map((f) => f.amountPence));
  const remittedPence = sum(ordered.map((f) => Math.min(f.remittedPence, f.amountPence)));
  const balance = feesPence - remittedPence - paidPence;
  const outstandingPence = Math.max(0, balance);
  const status: ServiceRequestStatus = disputed
    ? 'disputed'
    : outstandingPence === 0
      ? 'paid'
      : paidPence > 0 || remittedPence > 0
        ? 'partially-paid'
        : 'not-paid';
  return {
    fees: apportioned,
    feesPence,
    remittedPence,
    paidPence,
    outstandingPence,
    overpaymentPence: Math.max(0, -balance),
    unrecoveredPence: Math.max(0, -netPaidPence),
    status,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * A fee repriced by hand for a claim amount (finance staff, alone): it may only price a fee the case gave no
 * claim amount for, and only up. The case's claim amount is cases' record, and its fees are priced by it as it
 * arrives; a lower price would forgive what was charged, which is a remission (Help with Fees or a fee waiver)
 * that a second person approves within their limit. One officer "correcting" a £300,000 claim to £1 forgave
 * £9,965 of its issue fee and the claim was issued as it stood.
 */
export function assertRepricedByHand(
  fee: Pick<ServiceRequestFee, 'code' | 'amountPence'>,
  pricedPence: number,
  claimAmountPence: number,
  statedClaimAmountPence: number | undefined,
): void {
  if (statedClaimAmountPence !== undefined && claimAmountPence !== statedClaimAmountPence)
    throw new ConflictError(
      `The case states a claim amount of ${statedClaimAmountPence} pence and its fees are priced by it; a different amount is a change to the claim, recorded on the case`,
    );
  if (pricedPence < fee.amountPence)
    throw new ConflictError(
      `Pricing fee ${fee.code} at ${pricedPence} pence would forgive ${fee.amountPence - pricedPence} pence of the ${fee.amountPence} charged: a fee is lowered only by a remission (Help with Fees or a fee waiver), which someone else approves`,
    );
}
