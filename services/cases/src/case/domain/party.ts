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

/** A UK postcode as typed (any case, spaces or none). */
export const UK_POSTCODE = /^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/;

/** Postcodes are stored and searched in one form: upper case, no spaces. */
export function normalisePostcode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * How many lines an address has before its postcode, and how long each may be (in characters). Five at
 * most: a letter prints the name, these lines and the postcode, and GOV.UK Notify takes seven lines.
 */
export const ADDRESS_LINES = { min: 1, max: 5, maxLength: 80 } as const;

/**
 * What no address line holds: control characters (C0, DEL, C1; tab and line breaks too, as a line is
 * one line) and the Unicode line and paragraph separators. The column's CHECK constraint refuses the same
 * (PartyAddress1735450000000).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_AN_ADDRESS_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Why these are not address lines, or undefined when they are: a list of 1 to 5 strings, each 1 to 80
 * characters once trimmed, without control characters. Never quotes the lines (they are personal data).
 */
export function addressLinesProblem(value: unknown): string | undefined {
  const { min, max, maxLength } = ADDRESS_LINES;
  if (!Array.isArray(value)) return `addressLines must be a list of ${min} to ${max} lines`;
  if (value.length < min || value.length > max) return `addressLines must have ${min} to ${max} lines`;
  for (const [i, line] of value.entries()) {
    const which = `addressLines line ${i + 1}`;
    if (typeof line !== 'string') return `${which} must be text`;
    if (NOT_IN_AN_ADDRESS_LINE.test(line)) return `${which} must not contain control characters or line breaks`;
    const length = [...line.trim()].length;
    if (length < 1 || length > maxLength)
      return `${which} must be 1 to ${maxLength} characters, not counting spaces around it`;
  }
  return undefined;
}

/** Address lines as stored: each trimmed (after addressLinesProblem found nothing wrong with them). */
export function normaliseAddressLines(lines: readonly string[]): string[] {
  return lines.map((line) => line.trim());
}
