import type { PaymentMethod } from '@ccsc/contracts';

/**
 * The accounts money moves between. A positive amount is a debit (owed to, or held by, the
 * courts), a negative one a credit; each movement sums to zero.
 */
export const ledgerAccount = {
  /** What the case's payer owes: fees in, remissions and payments out. Negative is overpayment. */
  serviceRequest: (id: string) => `service-request:${id}`,
  /** Money received and not yet allocated, held against the payment. */
  payment: (id: string) => `payment:${id}`,
  /** What a firm owes on its payment-by-account. */
  firmAccount: (id: string) => `firm-account:${id}`,
  /** Money handed to enforcement for a fine account. */
  fineAccount: (accountNumber: string) => `fine-account:${accountNumber}`,
  /** Takings by how they were received. */
  cash: (method: PaymentMethod) => `cash:${method}`,
  feeIncome: 'fee-income',
  /** Money nobody could identify, held until it is returned or claimed. */
  unidentified: 'suspense:unidentified',
  /** Consolatory payments and complaint refunds, paid from the courts' own budget. */
  remedies: 'remedies',
} as const;

/** The kinds of ledger account: each account is its kind, or its kind, a colon and what it is for. */
export const LEDGER_ACCOUNT_KINDS = [
  'service-request',
  'payment',
  'firm-account',
  'fine-account',
  'cash',
  'fee-income',
  'suspense',
  'remedies',
] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

export const LEDGER_KINDS = [
  'fee',
  'remission',
  'payment-received',
  'allocation',
  'reversal',
  'refund',
  'remedy',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface Posting {
  account: string;
  amountPence: number;
}

export interface Movement {
  kind: LedgerKind;
  postings: Posting[];
  method?: PaymentMethod;
  businessArea?: string;
  paymentId?: string;
  refundId?: string;
}

/** A movement of `amountPence` from one account to another. */
export function transfer(
  kind: LedgerKind,
  from: string,
  to: string,
  amountPence: number,
  tags: Omit<Movement, 'kind' | 'postings'> = {},
): Movement {
  if (!Number.isInteger(amountPence) || amountPence <= 0)
    throw new Error(`A ledger movement needs a positive whole number of pence, got ${amountPence}`);
  return {
    kind,
    postings: [
      { account: to, amountPence },
      { account: from, amountPence: -amountPence },
    ],
    ...tags,
  };
}

/** One posting of a movement, with the movement's tags. */
export interface LedgerEntry {
  /** The entry's position in the ledger (a bigint, as text). */
  id: string;
  transactionId: string;
  account: string;
  kind: LedgerKind;
  amountPence: number;
  method: string | null;
  businessArea: string | null;
  paymentId: string | null;
  refundId: string | null;
  recordedBy: string;
  occurredAt: Date;
}

/** An account's balance at an instant, from how many entries. */
export interface LedgerBalance {
  account: string;
  balancePence: number;
  entries: number;
}
