import {
  ADDRESS_LINES,
  addressLinesProblem,
  normaliseAddressLines,
  normalisePostcode,
  UK_POSTCODE,
} from '@ccsc/correspondence';
import type { FieldError } from '@ccsc/platform/errors';

/**
 * How to reach a complainant, as they gave it when the complaint was made. Personal data: it is read by
 * whoever may read the complainant's name (staff, and the complainant's own side), audited as the
 * complaint is, and never put in an event or a log line. Correspondence (issue 23) addresses the
 * acknowledgement and the responses from it.
 */
export interface ComplainantContact {
  email: string | null;
  phone: string | null;
  /** The postal address before the postcode, one line to an item, trimmed (addressLinesProblem). */
  addressLines: string[] | null;
  /** Upper case without spaces (normalisePostcode). */
  postcode: string | null;
  /** The language the complainant is written to in: a stated preference, else the complaint's own. */
  language: 'en' | 'cy';
}

/** What an officer or the public form gives; any of it may be missing. */
export interface NewComplainantContact {
  email?: string;
  phone?: string;
  addressLines?: string[];
  postcode?: string;
  language?: 'en' | 'cy';
}

/** A telephone number as the other services take one: digits, spaces, brackets and dashes, an optional leading +. */
export const PHONE = /^\+?[0-9 ()-]{6,32}$/;

// The postal address rules every service that writes letters shares (libs/correspondence).
export { ADDRESS_LINES, addressLinesProblem, UK_POSTCODE };

/**
 * The contact details as kept, or the problems with them. A postal address is its lines and its postcode
 * together: a letter needs both, so one without the other is refused rather than kept unusable.
 */
export function complainantContact(
  input: NewComplainantContact,
  complaintLanguage: 'en' | 'cy',
): { contact: ComplainantContact; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() || null;
  if (phone !== null && !PHONE.test(phone))
    problems.push({ field: 'complainantPhone', message: 'must be a telephone number' });
  let addressLines: string[] | null = null;
  if (input.addressLines !== undefined) {
    const problem = addressLinesProblem(input.addressLines, 'complainantAddressLines');
    if (problem) problems.push({ field: 'complainantAddressLines', message: problem });
    else addressLines = normaliseAddressLines(input.addressLines);
  }
  let postcode: string | null = null;
  if (input.postcode !== undefined) {
    if (!UK_POSTCODE.test(input.postcode.trim()))
      problems.push({ field: 'complainantPostcode', message: 'must be a UK postcode' });
    else postcode = normalisePostcode(input.postcode);
  }
  if (input.addressLines !== undefined && input.postcode === undefined)
    problems.push({ field: 'complainantPostcode', message: 'is required with complainantAddressLines' });
  if (input.postcode !== undefined && input.addressLines === undefined)
    problems.push({ field: 'complainantAddressLines', message: 'is required with complainantPostcode' });
  return {
    contact: { email, phone, addressLines, postcode, language: input.language ?? complaintLanguage },
    problems,
  };
}
