import type { LocalDate } from '@ccsc/calendar';
import { assertSecondPerson } from '@ccsc/auth/four-eyes';
import { BadUserInputError, ConflictError, FieldError } from '@ccsc/platform/errors';

export const FEE_CHANNELS = ['online', 'bulk', 'default'] as const;
export type FeeChannel = (typeof FEE_CHANNELS)[number];
export const FEE_EVENTS = ['issue', 'hearing', 'appeal', 'enforcement', 'application', 'general'] as const;
export type FeeEvent = (typeof FEE_EVENTS)[number];
export const FEE_VERSION_STATUSES = ['pending-approval', 'approved', 'rejected'] as const;
export type FeeVersionStatus = (typeof FEE_VERSION_STATUSES)[number];

/** One band of a ranged fee: claims up to `upToPence` (inclusive; null for "and above") pay this. */
export interface FeeBand {
  upToPence: number | null;
  amountPence?: number;
  /** A band charged as a share of the claim, in basis points (500 = 5%). */
  basisPoints?: number;
}

export type FeeAmount =
  | { type: 'flat'; amountPence: number }
  | { type: 'percentage'; basisPoints: number; minPence: number; maxPence: number | null }
  | { type: 'banded'; bands: FeeBand[] };

/** What a fee is charged for: a service and jurisdiction, on a channel (a `default` fee serves any), at an event. */
export interface FeeCriteria {
  service: string;
  jurisdiction: string;
  channel: FeeChannel;
  event: FeeEvent;
}

export interface FeeVersion extends FeeCriteria {
  code: string;
  version: number;
  description: string;
  amount: FeeAmount;
  validFrom: string;
  validTo: string | null;
  status: FeeVersionStatus;
  proposedBy: string;
  approvedBy: string | null;
}

/** How a fee was priced: from the claim amount, or (a ranged fee with no claim amount known) at its lowest band. */
export type PricingBasis = 'fixed' | 'claim-amount' | 'minimum';

export interface PricedFee {
  code: string;
  version: number;
  amountPence: number;
  basis: PricingBasis;
}

const FEE_CODE = /^FEE\d{4}$/;

/**
 * The amount of a fee version. A ranged fee (banded or percentage) needs the claim amount; when
 * none is known, as when a case event makes the fee due, it is priced at the least any claim pays
 * (its first band, or its minimum) and the basis says so, so that an officer reprices it once the
 * claim amount is known rather than the claimant being asked for more than any claim costs.
 */
export function priceFee(fee: Pick<FeeVersion, 'code' | 'version' | 'amount'>, claimAmountPence?: number): PricedFee {
  const { code, version, amount } = fee;
  if (claimAmountPence !== undefined && (!Number.isInteger(claimAmountPence) || claimAmountPence < 1)) {
    throw new BadUserInputError('Invalid claim amount', [
      { field: 'claimAmountPence', message: 'must be a whole number of pence, at least 1' },
    ]);
  }
  switch (amount.type) {
    case 'flat':
      return { code, version, amountPence: amount.amountPence, basis: 'fixed' };
    case 'percentage': {
      if (claimAmountPence === undefined) return { code, version, amountPence: amount.minPence, basis: 'minimum' };
      const raw = Math.floor((claimAmountPence * amount.basisPoints) / 10_000);
      const capped = amount.maxPence === null ? raw : Math.min(raw, amount.maxPence);
      return { code, version, amountPence: Math.max(amount.minPence, capped), basis: 'claim-amount' };
    }
    case 'banded': {
      const band =
        claimAmountPence === undefined
          ? amount.bands[0]
          : amount.bands.find((b) => b.upToPence === null || claimAmountPence <= b.upToPence);
      if (!band)
        throw new BadUserInputError('No band of this fee covers the claim amount', [
          { field: 'claimAmountPence', message: 'is above every band of the fee' },
        ]);
      const basis: PricingBasis = claimAmountPence === undefined ? 'minimum' : 'claim-amount';
      if (band.amountPence !== undefined) return { code, version, amountPence: band.amountPence, basis };
      // Only reached with a claim amount: the first band, used when none is known, is always a fixed amount.
      return {
        code,
        version,
        amountPence: Math.floor(((claimAmountPence ?? 0) * (band.basisPoints ?? 0)) / 10_000),
        basis,
      };
    }
  }
}

/** Problems with a proposed fee version's shape; empty when it is sound. */
export function feeVersionProblems(input: Pick<FeeVersion, 'code' | 'amount' | 'validFrom' | 'validTo'>): FieldError[] {
  const problems: FieldError[] = [];
  if (!FEE_CODE.test(input.code)) problems.push({ field: 'code', message: 'must be FEE followed by four digits' });
  if (input.validTo !== null && input.validTo <= input.validFrom)
    problems.push({ field: 'validTo', message: 'must be after validFrom' });
  const pence = (value: number | undefined | null) =>
    value === undefined || value === null || (Number.isInteger(value) && value >= 0);
  const { amount } = input;
  if (amount.type === 'flat' && !pence(amount.amountPence))
    problems.push({ field: 'amount.amountPence', message: 'must be whole pence, 0 or more' });
  if (amount.type === 'percentage') {
    if (!Number.isInteger(amount.basisPoints) || amount.basisPoints < 1 || amount.basisPoints > 10_000)
      problems.push({ field: 'amount.basisPoints', message: 'must be 1 to 10000' });
    if (!pence(amount.minPence) || !pence(amount.maxPence))
      problems.push({ field: 'amount', message: 'minPence and maxPence must be whole pence' });
    if (amount.maxPence !== null && amount.maxPence < amount.minPence)
      problems.push({ field: 'amount.maxPence', message: 'must not be below minPence' });
  }
  if (amount.type === 'banded') {
    const bands = amount.bands;
    if (bands.length === 0) problems.push({ field: 'amount.bands', message: 'must have at least one band' });
    bands.forEach((band, i) => {
      const hasAmount = band.amountPence !== undefined;
      const hasRate = band.basisPoints !== undefined;
      if (hasAmount === hasRate)
        problems.push({ field: `amount.bands.${i}`, message: 'needs exactly one of amountPence and basisPoints' });
      if (!pence(band.amountPence) || !pence(band.upToPence))
        problems.push({ field: `amount.bands.${i}`, message: 'amounts must be whole pence' });
      if (i === 0 && hasRate)
        problems.push({
          field: 'amount.bands.0',
          message: 'the first band must be a fixed amount, so the fee has a least price',
        });
      const previous = bands[i - 1];
      if (
        previous &&
        (previous.upToPence === null || (band.upToPence !== null && band.upToPence <= previous.upToPence))
      ) {
        problems.push({ field: `amount.bands.${i}`, message: 'bands must rise, and only the last may be open-ended' });
      }
    });
    const last = bands.at(-1);
    if (last && last.upToPence !== null) {
      problems.push({ field: 'amount.bands', message: 'the last band must be open-ended (upToPence null)' });
    }
  }
  return problems;
}

/** Segregation of duties: a new fee amount takes effect only when a second person approves it. */
export function approveFeeVersion(fee: FeeVersion, approver: string, today?: LocalDate): FeeVersion {
  if (fee.status !== 'pending-approval')
    throw new ConflictError(`Fee ${fee.code} version ${fee.version} is ${fee.status}, not awaiting approval`);
  assertSecondPerson(fee.proposedBy, approver, 'A fee version');
  // Approved after the day it was to start, it would reprice what was already charged: propose it again.
  if (today !== undefined && fee.validFrom < today)
    throw new ConflictError(
      `Fee ${fee.code} version ${fee.version} was to apply from ${fee.validFrom}, before today (${today}); reject it and propose it from today or later`,
    );
  return { ...fee, status: 'approved', approvedBy: approver };
}
