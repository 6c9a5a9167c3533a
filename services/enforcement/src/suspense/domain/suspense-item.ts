import type { RefundStatus } from '@ccsc/contracts';
import { assertMatchMadeByAnother, type PartyIdentities, sameDefendant } from '../../account/domain/defendant-identity';
import { ConflictError } from '@ccsc/platform/errors';
import type { SuspenseReason } from '../../account/domain/fine-account';

export const SUSPENSE_REASONS = [
  'not-found',
  'zero-balance',
  'overpayment',
  'written-off',
  'consolidated',
  'transferred-out',
] as const satisfies readonly SuspenseReason[];

/**
 * Where money held in suspense has got to: held until an officer allocates it to an account (final) or asks
 * for it back to the payer; payments' second person then pays the refund (final) or rejects it (held again).
 */
export const SUSPENSE_STATES = ['held', 'allocated', 'refund-requested', 'refunded'] as const;
export type SuspenseState = (typeof SUSPENSE_STATES)[number];

/** A payment, or the part of one, that no account could take. */
export interface SuspenseItem {
  id: string;
  paymentId: string;
  /** The account number the payment quoted, as typed (it may name no account at all). */
  accountNumber: string;
  amountPence: number;
  reason: SuspenseReason;
  /** Whose money it is: the payments service's, or what an enforcement agent collected on a warrant. */
  source: 'payments' | 'warrant';
  method: string | null;
  receivedAt: Date;
  suspendedAt: Date;
  state: SuspenseState;
  /** When the payment bounced or was charged back: there is no money left to work. */
  reversedAt: Date | null;
  allocatedAccountId: string | null;
  allocatedBy: string | null;
  allocatedAt: Date | null;
  refundRequestedBy: string | null;
  refundRequestedAt: Date | null;
  refundId: string | null;
  refundedAt: Date | null;
}

type Workable = Pick<SuspenseItem, 'state' | 'reversedAt'>;

const WHY_NOT: Record<Exclude<SuspenseState, 'held'>, string> = {
  allocated: 'The suspense item is allocated already',
  'refund-requested': 'A refund of the suspense item is waiting for payments',
  refunded: 'The suspense item was refunded',
};

function assertHeld(item: Workable): void {
  if (item.state !== 'held') throw new ConflictError(WHY_NOT[item.state]);
  if (item.reversedAt) throw new ConflictError('The payment was reversed, so nothing is held to work');
}

/** An account as allocation sees it: whose it is. */
interface Owned {
  id: string;
  accountNumber: string;
  defendantPartyId: string | null;
}

/**
 * Only money still held goes to an account: once, never money that bounced, and a defendant's money only
 * to that defendant's accounts. Money whose quoted number named an account (`quoted`: an overpayment, a
 * paid or closed account) was that defendant's; one officer moved a defendant's overpayment onto a
 * stranger's fixed penalty. It goes to the same defendant (the same party, or one staff matched as the same
 * person, `identities`, moved by someone other than who matched them, `mover`), or back to the payer through a
 * refund, which a second person approves. Money whose number named no account is the officer's to place.
 */
export function checkAllocation(
  item: Workable,
  mover: string,
  quoted?: Owned,
  target?: Owned,
  identities: PartyIdentities = new Map(),
): void {
  assertHeld(item);
  if (!quoted || !target || quoted.id === target.id) return;
  if (!sameDefendant(quoted.defendantPartyId, target.defendantPartyId, identities))
    throw new ConflictError(
      `The money was paid to ${quoted.accountNumber}: it goes only to that defendant's accounts, or back to the payer by a refund`,
    );
  // Both name a party (one defendant is no one's otherwise).
  if (quoted.defendantPartyId && target.defendantPartyId)
    assertMatchMadeByAnother(quoted.defendantPartyId, target.defendantPartyId, identities, mover);
}

/**
 * Only money still held goes back, and only money payments took: what an enforcement agent collected has
 * no payment there to refund, so it is allocated (or the agent returns it).
 */
export function checkRefundRequest(item: Workable & Pick<SuspenseItem, 'source'>): void {
  assertHeld(item);
  if (item.source !== 'payments')
    throw new ConflictError('What an enforcement agent collected is not refunded through payments; allocate it');
}

export type RefundOutcome =
  { state: 'held' } | { state: 'refund-requested'; refundId: string } | { state: 'refunded'; refundId: string };

/**
 * What payments' news of the refund raised for an item changes, or null for nothing: a rejected refund
 * puts the money back in suspense, a paid one closes the item. The first news names the refund, and
 * news of any other refund (one rejected earlier, told again) changes nothing; news told twice neither.
 */
export function afterRefundStatus(
  item: Pick<SuspenseItem, 'state' | 'refundId'>,
  refundId: string,
  status: RefundStatus,
): RefundOutcome | null {
  if (item.state !== 'refund-requested') return null;
  if (item.refundId !== null && item.refundId !== refundId) return null;
  switch (status) {
    case 'rejected':
      return { state: 'held' };
    case 'paid':
      return { state: 'refunded', refundId };
    default:
      return item.refundId === null ? { state: 'refund-requested', refundId } : null;
  }
}
