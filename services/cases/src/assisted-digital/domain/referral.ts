import { ConflictError } from '@ccsc/platform/errors';

export const DIGITAL_NEEDS = [
  'no-device',
  'no-connection',
  'low-digital-confidence',
  'disability',
  'language',
] as const;
export type DigitalNeed = (typeof DIGITAL_NEEDS)[number];
export const REFERRAL_STATUSES = ['referred', 'accepted', 'completed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** An assisted-digital referral to the third-party supplier, after an officer's needs assessment. */
export interface Referral {
  id: string;
  caseId: string;
  partyId: string;
  needs: DigitalNeed[];
  status: ReferralStatus;
  supplierReference?: string;
  createdAt: Date;
  updatedAt: Date;
}

const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  referred: ['accepted', 'declined'],
  accepted: ['completed', 'declined'],
  completed: [],
  declined: [],
};

/** Open while the supplier has yet to finish: such a referral can hold a case back. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['referred', 'accepted'];
export const isOpen = (referral: Pick<Referral, 'status'>) => OPEN_REFERRAL_STATUSES.includes(referral.status);

export function moveReferral(
  referral: Referral,
  status: ReferralStatus,
  supplierReference: string | undefined,
  now: Date,
): Referral {
  if (!NEXT[referral.status].includes(status))
    throw new ConflictError(`A ${referral.status} referral cannot become ${status}`);
  return { ...referral, status, ...(supplierReference ? { supplierReference } : {}), updatedAt: now };
}
