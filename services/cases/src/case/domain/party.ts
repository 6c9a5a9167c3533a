import {
  addresseeNameProblem,
  ADDRESS_LINES,
  addressLinesProblem,
  normaliseAddressLines,
  normalisePostcode,
  UK_POSTCODE,
} from '@ccsc/correspondence';
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
  /**
   * The postal address before the postcode, one line to an item (see addressLinesProblem), stored trimmed.
   * Printed, the postcode follows as the address's last line: a letter needs both.
   */
  addressLines?: string[];
  /** The citizen account of this party, when they use the online service themselves. */
  userId?: string;
  /** The solicitors' firm representing this party; its users see and act on the case. */
  representedBy?: string;
  /**
   * English or Welsh: letters, calls and "what happens next" text follow it. Absent when the party has not
   * said: a letter to an address in Wales then goes in both languages (the Welsh Language Standards).
   */
  preferredLanguage?: PreferredLanguage;
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
    | 'name'
    | 'email'
    | 'phone'
    | 'postcode'
    | 'addressLines'
    | 'preferredLanguage'
    | 'reasonableAdjustments'
    | 'vulnerabilityFlags'
  >
>;

/** The details a party need not have: a change may clear them (null). The others it may only replace. */
export const CLEARABLE_DETAILS: ReadonlySet<keyof PartyDetails> = new Set([
  'email',
  'phone',
  'postcode',
  'addressLines',
]);

/** A change to a party's details: a field left out stays as it is, null clears one of CLEARABLE_DETAILS. */
export type PartyDetailsChange = { [K in keyof PartyDetails]?: PartyDetails[K] | null };

// The postal address rules every service that writes letters shares (libs/correspondence).
export { ADDRESS_LINES, addressLinesProblem, normaliseAddressLines, normalisePostcode, UK_POSTCODE };

/** A party's name: the name of someone the court writes to (libs/correspondence). */
export { addresseeNameProblem as partyNameProblem };
