export const PARTY_ROLES = ['applicant', 'respondent', 'claimant', 'defendant', 'appellant', 'donor', 'attorney', 'subject'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Roles that bring a case, as opposed to answering it. */
export const BRINGING_ROLES: readonly PartyRole[] = ['applicant', 'claimant', 'appellant', 'donor'];
export const ANSWERING_ROLES: readonly PartyRole[] = ['respondent', 'defendant'];

export interface Party {
  id: string;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  email?: string;
  phone?: string;
  /** The citizen account of this party, when they use the online service themselves. */
  userId?: string;
  /** The solicitors' firm representing this party; its users see and act on the case. */
  representedBy?: string;
}
