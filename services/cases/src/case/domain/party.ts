import type { Bilingual } from '../../case-type/domain/case-type.definition';

export const PARTY_ROLES = [
  'applicant',
  'respondent',
  'claimant',
  'defendant',
  'appellant',
  'donor',
  'attorney',
  'subject',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** What users read for each role, in English and Welsh (the codes never reach user-facing text). */
export const PARTY_ROLE_NAMES: Readonly<Record<PartyRole, Bilingual>> = {
  applicant: { en: 'applicant', cy: 'ceisydd' },
  respondent: { en: 'respondent', cy: 'atebydd' },
  claimant: { en: 'claimant', cy: 'hawlydd' },
  defendant: { en: 'defendant', cy: 'diffynnydd' },
  appellant: { en: 'appellant', cy: 'apelydd' },
  donor: { en: 'donor', cy: 'rhoddwr' },
  attorney: { en: 'attorney', cy: 'atwrnai' },
  subject: { en: 'person under review', cy: 'unigolyn dan sylw' },
};

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const LANGUAGES = ['en', 'cy'] as const;
export type PreferredLanguage = (typeof LANGUAGES)[number];

export interface Party {
  id: string;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  email?: string;
  phone?: string;
  /** Stored upper case without spaces (see normalisePostcode), so searches can match it exactly. */
  postcode?: string;
  /** The citizen account of this party, when they use the online service themselves. */
  userId?: string;
  /** The solicitors' firm representing this party; its users see and act on the case. */
  representedBy?: string;
  /** English or Welsh: letters, calls and "what happens next" text follow it. */
  preferredLanguage: PreferredLanguage;
  /** Adjustments the service makes for this party (e.g. "large print", "hearing loop"). */
  reasonableAdjustments: string[];
  /** Why this party may need extra care (e.g. "domestic abuse", "mental health"). */
  vulnerabilityFlags: string[];
  /** The person or organisation across cases, once staff matched this party with another case's (identity/). */
  identityId?: string;
}

/** The details of a party that its representative, the party themselves or staff may change. */
export type PartyDetails = Partial<
  Pick<
    Party,
    'name' | 'email' | 'phone' | 'postcode' | 'preferredLanguage' | 'reasonableAdjustments' | 'vulnerabilityFlags'
  >
>;

/** A UK postcode as typed (any case, spaces or none). */
export const UK_POSTCODE = /^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/;

/** Postcodes are stored and searched in one form: upper case, no spaces. */
export function normalisePostcode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
