import type { Role } from '@ccsc/auth';

// Who may call what in enforcement, one list per kind of caller. A defendant's finances are for
// staff only, so no list here admits a relationship role (citizen or professional).

/** Who works fine accounts: takes actions, varies terms, asks for write-offs, consolidates, works suspense. */
export const ENFORCEMENT_OFFICERS: Role[] = ['enforcement-officer', 'team-leader'];

/** Who reads fine accounts: the officers, finance, caseworkers, and other services. */
export const ACCOUNT_READERS: Role[] = [
  'enforcement-officer',
  'team-leader',
  'finance-officer',
  'caseworker',
  'system',
];

/** Who registers a fixed penalty: an officer, or the issuing authority's system. */
export const FIXED_PENALTY_REGISTRARS: Role[] = ['enforcement-officer', 'system'];

/** Who decides a write-off (a second person, within their limit: write-off/domain). */
export const WRITE_OFF_DECIDERS: Role[] = ['enforcement-officer', 'team-leader', 'finance-officer'];

/**
 * An enforcement agency's users and clients: the agency is the token's `org`. They see and report on
 * the warrants given to their agency and nothing else (no account, case or payment).
 */
export const ENFORCEMENT_AGENT: Role = 'enforcement-agent';

/** The officers who give a warrant to an agency, withdraw it or return it. */
export const WARRANT_OFFICERS: Role[] = ['enforcement-officer', 'team-leader'];

/** Who reports a warrant's outcome: the officers, or the agency holding it. */
export const WARRANT_REPORTERS: Role[] = [...WARRANT_OFFICERS, ENFORCEMENT_AGENT];

/** Who lists warrants: whoever reads accounts (every warrant), or an agency (those given to it). */
export const WARRANT_READERS: Role[] = [...ACCOUNT_READERS, ENFORCEMENT_AGENT];

/** Who starts the default run now: the officers, or a scheduler. */
export const DEFAULT_RUN_STARTERS: Role[] = ['enforcement-officer', 'team-leader', 'system'];

/** Who sees the payments held in suspense: the officers who allocate or refund them, and finance. */
export const SUSPENSE_READERS: Role[] = ['enforcement-officer', 'team-leader', 'finance-officer'];

/** Who reads management information. */
export const MI_READERS: Role[] = ['enforcement-officer', 'team-leader', 'finance-officer'];
