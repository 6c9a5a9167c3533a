import type { LedgerKind } from './ledger';

// The daily reconciliation's arithmetic: where the day's takings went, and whether the ledger agrees
// with the payments register. Sums come in from the database; everything here is plain arithmetic.

/** The day's net postings of one kind of movement on one kind of account (see LEDGER_ACCOUNT_KINDS). */
export interface DaySum {
  accountKind: string;
  kind: LedgerKind | string;
  netPence: number;
}

/** Net money in by one payment method, as one side records it. */
export interface MethodSum {
  method: string;
  netPence: number;
}

/**
 * Where the day's money went, each figure the net of the day's movements (positive: more of it).
 * Takings are what came in by every method (cash, cards, firms' accounts...) less what went back.
 */
export interface DailyFlows {
  takingsPence: number;
  /** Received and not yet allocated, held against the payments. */
  heldUnallocatedPence: number;
  allocatedToCasesPence: number;
  allocatedToFineAccountsPence: number;
  /** Allocated as unidentified: held in suspense until returned or claimed. */
  placedInSuspensePence: number;
  /** Paid back out: refunds off cases and fine accounts, and complaint remedies. */
  refundedPence: number;
}

export const RECONCILIATION_CHECKS = ['takings-accounted-for', 'receipts-recorded'] as const;
export type ReconciliationCheckName = (typeof RECONCILIATION_CHECKS)[number];

/** One comparison: what should be there, what is, and the difference, flagged when it is not nothing. */
export interface ReconciliationCheck {
  check: ReconciliationCheckName;
  /** `all`, or the payment method the line is for. */
  key: string;
  expectedPence: number;
  actualPence: number;
  differencePence: number;
  flagged: boolean;
}

const TAKINGS = new Set(['cash', 'firm-account']);
const ALLOCATION_KINDS = new Set<string>(['allocation', 'reversal']);

/** The day's flows from its net postings by account kind and movement kind. */
export function dailyFlows(sums: readonly DaySum[]): DailyFlows {
  const total = (take: (s: DaySum) => boolean) => sums.filter(take).reduce((sum, s) => sum + s.netPence, 0);
  // Money leaving an account is credited to it: its figure is the credit, 0 rather than -0 when none.
  const credited = (take: (s: DaySum) => boolean) => 0 - total(take);
  const allocated = (accountKind: string) =>
    credited((s) => s.accountKind === accountKind && ALLOCATION_KINDS.has(s.kind));
  return {
    takingsPence: total((s) => TAKINGS.has(s.accountKind)),
    heldUnallocatedPence: credited((s) => s.accountKind === 'payment'),
    allocatedToCasesPence: allocated('service-request'),
    allocatedToFineAccountsPence: allocated('fine-account'),
    placedInSuspensePence: credited((s) => s.accountKind === 'suspense'),
    refundedPence: total(
      (s) =>
        ((s.accountKind === 'service-request' || s.accountKind === 'fine-account') && s.kind === 'refund') ||
        s.accountKind === 'remedies',
    ),
  };
}

function line(check: ReconciliationCheckName, key: string, expectedPence: number, actualPence: number) {
  const differencePence = expectedPence - actualPence;
  return { check, key, expectedPence, actualPence, differencePence, flagged: differencePence !== 0 };
}

/**
 * The day's checks. `takings-accounted-for`: every penny taken is held against its payment, allocated
 * to a case, a fine account or suspense, or was paid back out. `receipts-recorded`, one line per
 * method: what the ledger took in (receipts less bounces and chargebacks) is what the payments
 * register says was received less what was reversed that day.
 */
export function reconciliationChecks(
  flows: DailyFlows,
  register: readonly MethodSum[],
  ledger: readonly MethodSum[],
): ReconciliationCheck[] {
  const accountedFor =
    flows.heldUnallocatedPence +
    flows.allocatedToCasesPence +
    flows.allocatedToFineAccountsPence +
    flows.placedInSuspensePence -
    flows.refundedPence;
  const byMethod = (sums: readonly MethodSum[], method: string) =>
    sums.filter((s) => s.method === method).reduce((sum, s) => sum + s.netPence, 0);
  const methods = [...new Set([...register, ...ledger].map((s) => s.method))].sort();
  return [
    line('takings-accounted-for', 'all', flows.takingsPence, accountedFor),
    ...methods.map((m) => line('receipts-recorded', m, byMethod(register, m), byMethod(ledger, m))),
  ];
}

/** The day balances when no check is flagged. */
export function isBalanced(checks: readonly ReconciliationCheck[]): boolean {
  return checks.every((c) => !c.flagged);
}
