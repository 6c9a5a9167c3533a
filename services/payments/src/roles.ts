import type { Role } from '@ccsc/auth';

// Who may call what in payments, one list per kind of caller. Which cases, payments and accounts a
// caller sees within these is decided by case access and the access scope, not here.

/** Who may pay a case's fees; which cases each may pay for is decided by case access. */
export const PAYERS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'finance-officer', 'system'];
/** Who may read service requests and payments (each only those their access admits). */
export const READERS: Role[] = [
  'citizen',
  'professional',
  'caseworker',
  'team-leader',
  'judiciary',
  'finance-officer',
  'complaints-officer',
  'system',
];
/** Staff who handle money: price fees, allocate and verify payments, ask for refunds. */
export const FINANCE_STAFF: Role[] = ['finance-officer', 'caseworker', 'team-leader'];
/** Who sees payment accounts: a firm its own, finance staff every one. */
export const ACCOUNT_READERS: Role[] = ['professional', ...FINANCE_STAFF];
/** Who opens, suspends and closes firms' payment accounts, and asks for their credit. */
export const ACCOUNT_KEEPERS: Role[] = ['finance-officer'];
/** Who decides a higher credit limit on a firm's account: never the one who asked for it. */
export const CREDIT_APPROVERS: Role[] = ['finance-officer', 'team-leader'];
/** Who records banked payments from bulk scanning. */
export const BULK_SCANNERS: Role[] = ['system', 'finance-officer'];
/** Who records a bounce or chargeback, and that an approved refund was paid out. */
export const PAYMENT_OFFICERS: Role[] = ['finance-officer', 'system'];

/** Anyone signed in may look fees up: every reader, and enforcement officers. */
export const FEE_READERS: Role[] = [...READERS, 'enforcement-officer'];
/** Finance staff keep the fees register, each change approved by a second person. */
export const FEE_KEEPERS: Role[] = ['finance-officer', 'team-leader'];

export const REFUND_REQUESTERS: Role[] = ['finance-officer', 'caseworker', 'team-leader'];
/** Team leaders and finance officers approve refunds; never their own request. */
export const REFUND_APPROVERS: Role[] = ['team-leader', 'finance-officer'];

/** Who may apply for Help with Fees (for themselves, or staff on someone's behalf) and assess a remission. */
export const REMISSION_APPLICANTS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'finance-officer'];
/** Staff who decide remissions (Help with Fees, and complaints' fee waivers); never one they applied for or agreed. */
export const REMISSION_APPROVERS: Role[] = ['caseworker', 'team-leader', 'finance-officer'];

/** Who reads the daily reconciliation. */
export const RECONCILERS: Role[] = ['finance-officer', 'team-leader'];
