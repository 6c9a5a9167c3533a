import type { Role } from '@ccsc/auth';
import { bearer } from '@ccsc/testing';

/**
 * The roles that act by role, not as a party; each is a persona of its own: the staff roles, the
 * auditor, and an enforcement agency (which sees only the warrants given to it).
 */
export const STAFF_ROLES = [
  'caseworker',
  'team-leader',
  'judiciary',
  'enforcement-officer',
  'complaints-officer',
  'finance-officer',
  'auditor',
  'enforcement-agent',
  'system',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * The personas who are not staff, in the order of a row's `parties` code. In the money claim the
 * claimant (a citizen account) is represented by the claimant's firm and the defendant by the
 * defendant's firm; in the criminal case the same defendant is prosecuted privately by the same
 * claimant, so a fine account is the defendant's side's and the claimant's side is its opponent.
 */
export const PARTY_PERSONAS = [
  'claimant',
  'claimantFirm',
  'defendant',
  'defendantFirm',
  'unrelatedFirm',
  'unrelatedCitizen',
] as const;
export type PartyPersona = (typeof PARTY_PERSONAS)[number];

export type Persona = StaffRole | PartyPersona;
export const PERSONAS: readonly Persona[] = [...STAFF_ROLES, ...PARTY_PERSONAS];

export interface PersonaIdentity {
  role: Role;
  sub: string;
  org?: string;
}

export const ORGS = {
  claimantFirm: 'org-claimant-firm',
  defendantFirm: 'org-defendant-firm',
  unrelatedFirm: 'org-unrelated-firm',
  agency: 'org-matrix-agency',
} as const;

/** Who each persona is; every `sub` is distinct, and none is used to set up the scenario. */
export const IDENTITIES: Record<Persona, PersonaIdentity> = {
  ...(Object.fromEntries(STAFF_ROLES.map((role) => [role, { role, sub: `matrix-${role}` }])) as Record<
    StaffRole,
    PersonaIdentity
  >),
  'enforcement-agent': { role: 'enforcement-agent', sub: 'matrix-enforcement-agent', org: ORGS.agency },
  claimant: { role: 'citizen', sub: 'citizen-claimant-cat' },
  claimantFirm: { role: 'professional', sub: 'solicitor-claire', org: ORGS.claimantFirm },
  defendant: { role: 'citizen', sub: 'citizen-defendant-dan' },
  defendantFirm: { role: 'professional', sub: 'solicitor-dev', org: ORGS.defendantFirm },
  unrelatedFirm: { role: 'professional', sub: 'solicitor-una', org: ORGS.unrelatedFirm },
  unrelatedCitizen: { role: 'citizen', sub: 'citizen-unrelated-uma' },
};

/** Staff who set the scenario up, apart from the personas under test (so four-eyes rules never see the same person twice). */
export const SETUP_ACTORS = {
  caseworker: { role: 'caseworker', sub: 'setup-caseworker' },
  teamLeader: { role: 'team-leader', sub: 'setup-team-leader' },
  judge: { role: 'judiciary', sub: 'setup-judge' },
  finance: { role: 'finance-officer', sub: 'setup-finance' },
  complaints: { role: 'complaints-officer', sub: 'setup-complaints' },
  enforcement: { role: 'enforcement-officer', sub: 'setup-enforcement' },
} as const satisfies Record<string, PersonaIdentity>;
export type SetupActor = keyof typeof SETUP_ACTORS;

export type Tokens = Record<Persona | SetupActor, string>;

export async function mintTokens(): Promise<Tokens> {
  const identities: [string, PersonaIdentity][] = [...Object.entries(IDENTITIES), ...Object.entries(SETUP_ACTORS)];
  const tokens = await Promise.all(
    identities.map(
      async ([name, id]) => [name, await bearer(id.role, { sub: id.sub, ...(id.org ? { org: id.org } : {}) })] as const,
    ),
  );
  return Object.fromEntries(tokens) as Tokens;
}
