// The partner sandbox's demo firm: who it is, its payment account, and the claims it has on the
// platform, each in the state a partner meets most. The names are invented; the seed finds its own
// claims again by their parties, so each pair of names is used by one claim only.
import type { Role } from '@ccsc/auth';

export const SANDBOX_FIRM = {
  organisationId: 'sandbox-solicitors',
  name: 'Sandbox Solicitors LLP',
  /** The firm's user whose token the sandbox prints. */
  user: 'sandbox-solicitor',
  accountNumber: 'PBA0000001',
  /** The account's credit when opened, and what it is topped up to when it runs low. */
  creditPence: 1_000_000,
  /**
   * Below this much credit left, a new seed tops the account up, so the sandbox never runs dry: more
   * than seeding every claim afresh spends (£1,276 of fees).
   */
  lowCreditPence: 200_000,
} as const;

/** Who acts in the seed: the firm's user, and the court's staff who do what only the court may. */
export interface Persona {
  sub: string;
  role: Role;
  org?: string;
}

export const FIRM_USER: Persona = { sub: SANDBOX_FIRM.user, role: 'professional', org: SANDBOX_FIRM.organisationId };
export const FINANCE_OFFICER: Persona = { sub: 'sandbox-finance-officer', role: 'finance-officer' };
/** The second person who grants the firm's credit: finance asks for it, a team leader approves it. */
export const TEAM_LEADER: Persona = { sub: 'sandbox-team-leader', role: 'team-leader' };
export const CASEWORKER: Persona = { sub: 'sandbox-caseworker', role: 'caseworker' };
export const JUDGE: Persona = { sub: 'sandbox-judge', role: 'judiciary' };

/**
 * A money claim's road from draft to closed, as the sandbox travels it; the states a seeded claim
 * may stop in are on it. The side states (stayed, withdrawn, struck out) are off it.
 */
export const CLAIM_PATH = [
  'Draft',
  'Submitted',
  'Issued',
  'AwaitingResponse',
  'ReadyForListing',
  'Listed',
  'AwaitingOutcome',
  'Decided',
  'Closed',
] as const;
export type ClaimState = (typeof CLAIM_PATH)[number];

export interface SandboxClaim {
  /** Where the seed leaves it. */
  state: ClaimState;
  claimant: string;
  defendant: string;
  claimAmountPence: number;
  /** What it shows a partner, in a few words. */
  about: string;
}

export const SANDBOX_CLAIMS: readonly SandboxClaim[] = [
  {
    state: 'Draft',
    claimant: 'Priya Shah',
    defendant: 'Northwind Traders Ltd',
    claimAmountPence: 120_000,
    about: 'not submitted yet: submit it and its issue fee falls due',
  },
  {
    state: 'Issued',
    claimant: 'Tom Evans',
    defendant: 'Brightside Lettings Ltd',
    claimAmountPence: 250_000,
    about: 'issue fee paid by account; issued by the court',
  },
  {
    state: 'AwaitingResponse',
    claimant: 'Grace Okafor',
    defendant: 'Harbour Motors Ltd',
    claimAmountPence: 480_000,
    about: 'served: the defendant has 14 days to respond',
  },
  {
    state: 'Listed',
    claimant: 'Daniel Hughes',
    defendant: 'Castle Building Services Ltd',
    claimAmountPence: 900_000,
    about: 'hearing fee paid by account; a hearing is listed',
  },
  {
    state: 'Closed',
    claimant: 'Megan Price',
    defendant: 'Riverside Furniture Ltd',
    claimAmountPence: 75_000,
    about: 'heard, judgment recorded, closed',
  },
];

/** Where the Listed claim's hearing is. */
export const SANDBOX_HEARING = {
  venueId: 'CLCC',
  venueName: 'Central London County Court',
  hearingType: 'final-hearing',
  /** Working days from the day of the seed. */
  inWorkingDays: 20,
  at: '10:00',
  durationMinutes: 120,
} as const;
