import type { FineAccountType, ImpositionKind } from '@ccsc/contracts';
import type { LocalDate } from '@ccsc/calendar';
import { ConflictError, NotFoundError } from '@ccsc/platform/errors';
import type { PaymentTerms } from '../../terms/domain/payment-terms';
import type { AccountStanding } from '../../terms/domain/terms-standing';
import type { ActionId } from '../../action/domain/enforcement-actions';

export const ACCOUNT_STATUSES = ['live', 'paid', 'written-off', 'consolidated', 'transferred-out'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A defendant account: what was imposed, paid and written off, its terms and its enforcement. */
export interface FineAccount {
  id: string;
  accountNumber: string;
  accountType: FineAccountType;
  status: AccountStatus;
  businessUnit: string;
  caseId: string | null;
  defendantPartyId: string | null;
  /** The court that imposed the sums (cases' result names it); null for a registered fixed penalty. */
  imposingCourt: string | null;
  enforcementPath: string;
  imposedPence: number;
  paidPence: number;
  writtenOffPence: number;
  balancePence: number;
  terms: PaymentTerms;
  termsVersion: number;
  /** What had been paid and written off when the current terms were set (`AccountStanding`). */
  creditedBeforeTermsPence: number;
  defaultedOn: LocalDate | null;
  arrearsPence: number | null;
  lastAction: ActionId | null;
  lastActionOn: LocalDate | null;
  onHold: boolean;
  consolidatedInto: string | null;
  openedAt: Date;
}

/** The account against its terms. */
export const standingOf = (a: FineAccount): AccountStanding => ({
  imposedPence: a.imposedPence,
  creditedPence: a.paidPence + a.writtenOffPence,
  creditedBeforeTermsPence: a.creditedBeforeTermsPence,
  terms: a.terms,
});

/** The account an officer changes: it must exist, and only a live account is worked. */
export function assertLive(account: FineAccount | undefined): FineAccount {
  if (!account) throw new NotFoundError('The fine account');
  if (account.status !== 'live') throw new ConflictError(`The account is ${account.status}`);
  return account;
}

/** The HMCTS fines system's allocation priorities: lowest number is paid first. */
export const ALLOCATION_PRIORITY: Record<ImpositionKind, number> = {
  compensation: 1,
  'victim-surcharge': 2,
  costs: 3,
  fine: 6,
  'criminal-courts-charge': 10,
};

export interface ImpositionBalance {
  id: string;
  kind: ImpositionKind;
  creditor: string;
  priority: number;
  /** Order of imposition: older first within a priority. */
  imposedAt: Date;
  seq: number;
  amountPence: number;
  paidPence: number;
  /** Written off by approved write-offs: no longer owed, and never paid. */
  writtenOffPence: number;
}

/** What is still owed on an imposition: the account's balance is the sum of these. */
export const owedOn = (i: ImpositionBalance): number => i.amountPence - i.paidPence - i.writtenOffPence;

/** Payment order: lowest priority number first, oldest first within a priority. */
const paymentOrder = (a: ImpositionBalance, b: ImpositionBalance) =>
  a.priority - b.priority || a.imposedAt.getTime() - b.imposedAt.getTime() || a.seq - b.seq;

export interface Imposition extends ImpositionBalance {
  accountId: string;
}

export interface AllocationLine {
  impositionId: string;
  kind: ImpositionKind;
  creditor: string;
  amountPence: number;
}

export interface Allocation {
  lines: AllocationLine[];
  /** What no imposition could take: the account is paid and this goes to suspense. */
  excessPence: number;
}

/** Applies a payment across impositions: lowest priority number first, oldest first within a priority. */
export function allocatePayment(impositions: readonly ImpositionBalance[], amountPence: number): Allocation {
  if (!Number.isInteger(amountPence) || amountPence < 1)
    throw new RangeError(`A payment is a positive number of pence, got ${amountPence}`);
  const order = [...impositions].sort(paymentOrder);
  let left = amountPence;
  const lines: AllocationLine[] = [];
  for (const imposition of order) {
    if (left === 0) break;
    const outstanding = owedOn(imposition);
    if (outstanding <= 0) continue;
    const take = Math.min(outstanding, left);
    lines.push({
      impositionId: imposition.id,
      kind: imposition.kind,
      creditor: imposition.creditor,
      amountPence: take,
    });
    left -= take;
  }
  return { lines, excessPence: left };
}

/**
 * Spreads an approved write-off over the impositions in the reverse of payment order: it forgives what
 * payments would have reached last (a fine or the criminal courts charge before costs, the victim
 * surcharge or compensation), newest first within a priority. The account's balance and the sum of its
 * impositions' owed amounts stay equal.
 */
export function allocateWriteOff(
  impositions: readonly ImpositionBalance[],
  amountPence: number,
): { impositionId: string; amountPence: number }[] {
  if (!Number.isInteger(amountPence) || amountPence < 1)
    throw new RangeError(`A write-off is a positive number of pence, got ${amountPence}`);
  let left = amountPence;
  const lines: { impositionId: string; amountPence: number }[] = [];
  for (const imposition of [...impositions].sort(paymentOrder).reverse()) {
    if (left === 0) break;
    const take = Math.min(owedOn(imposition), left);
    if (take <= 0) continue;
    lines.push({ impositionId: imposition.id, amountPence: take });
    left -= take;
  }
  // The request and the approval were each checked against the balance, which is the sum of the owed amounts:
  // a difference here means the account's figures disagree, which an officer must look into, not a crash.
  if (left > 0) throw new ConflictError(`The write-off exceeds what the account's impositions owe by ${left} pence`);
  return lines;
}

export type SuspenseReason =
  'not-found' | 'zero-balance' | 'overpayment' | 'written-off' | 'consolidated' | 'transferred-out';

/** Why an account cannot take a payment, or null when it can. */
export function suspenseReason(account: { status: AccountStatus; balancePence: number } | null): SuspenseReason | null {
  if (!account) return 'not-found';
  switch (account.status) {
    case 'live':
      return account.balancePence > 0 ? null : 'zero-balance';
    case 'paid':
      return 'zero-balance';
    default:
      return account.status;
  }
}

/** Which account types follow which enforcement path (see default-run/domain/enforcement-paths.ts). */
export const PATH_OF_ACCOUNT_TYPE: Record<FineAccountType, string> = {
  fine: 'standard',
  'conditional-caution': 'standard',
  'fixed-penalty': 'fixed-penalty',
  'confiscation-order': 'confiscation',
};
