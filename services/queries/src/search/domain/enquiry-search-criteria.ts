import type { FieldError } from '@ccsc/platform/errors';
import { checkedSearch, daysBetween, givenText, nameWordsOf, oneOf } from '@ccsc/platform/search';
import {
  ENQUIRY_CHANNELS,
  ENQUIRY_STATUSES,
  type EnquiryChannel,
  type EnquiryStatus,
} from '../../enquiry/domain/enquiry';

/** What an officer searches enquiries by, as typed. Every given criterion must match; at least one is required. */
export interface EnquirySearchCriteria {
  reference?: string;
  contactName?: string;
  email?: string;
  phone?: string;
  caseReference?: string;
  status?: string;
  channel?: string;
  /** YYYY-MM-DD, London: received on or after this day. */
  receivedFrom?: string;
  /** YYYY-MM-DD, London: received on or before this day. */
  receivedTo?: string;
}

/** The criteria checked and normalised, ready for the database. */
export interface EnquirySearchFilter {
  /** ENQ-0000123, upper case. */
  reference?: string;
  /** Each word must occur, in any case, in the contact's name. */
  nameWords?: string[];
  /** Lower case. */
  email?: string;
  /** Digits only. */
  phoneDigits?: string;
  /** The case's 16 digits; the application finds its id. */
  caseReference?: string;
  status?: EnquiryStatus;
  channel?: EnquiryChannel;
  /** Instants: from inclusive, to exclusive. */
  received?: { from?: Date; to?: Date };
}

const REFERENCE = /^ENQ-?(\d{1,7})$/;
const CASE_REFERENCE = /^\d{16}$/;

/**
 * Checks and normalises what an officer typed, as case search does: blank values count as absent,
 * and every problem is reported at once.
 */
export function toEnquirySearchFilter(criteria: EnquirySearchCriteria): EnquirySearchFilter {
  const given = givenText;
  const errors: FieldError[] = [];
  const filter: EnquirySearchFilter = {};

  const reference = given(criteria.reference);
  if (reference !== undefined) {
    // "enq 123", "ENQ-0000123" and "ENQ0000123" are the same reference read out.
    const match = REFERENCE.exec(reference.toUpperCase().replace(/\s+/g, ''));
    if (match?.[1]) filter.reference = `ENQ-${match[1].padStart(7, '0')}`;
    else errors.push({ field: 'reference', message: 'must be an enquiry reference: ENQ- and up to seven digits' });
  }

  const contactName = given(criteria.contactName);
  if (contactName !== undefined) {
    const words = nameWordsOf(contactName, 'contactName');
    if (Array.isArray(words)) filter.nameWords = words;
    else errors.push(words);
  }

  const email = given(criteria.email);
  if (email !== undefined) {
    if (/^[^\s@]+@[^\s@]+$/.test(email)) filter.email = email.toLowerCase();
    else errors.push({ field: 'email', message: 'must be an email address' });
  }

  const phone = given(criteria.phone);
  if (phone !== undefined) {
    const digits = phone.replace(/\D/g, '');
    if (digits.length >= 6 && digits.length <= 15 && /^[\d\s()+.-]+$/.test(phone)) filter.phoneDigits = digits;
    else errors.push({ field: 'phone', message: 'must be a phone number: 6 to 15 digits, spaces and + ( ) - allowed' });
  }

  const caseReference = given(criteria.caseReference);
  if (caseReference !== undefined) {
    const digits = caseReference.replace(/[\s-]/g, '');
    if (CASE_REFERENCE.test(digits)) filter.caseReference = digits;
    else
      errors.push({ field: 'caseReference', message: 'must be a 16-digit case reference (dashes or spaces allowed)' });
  }

  const status = oneOf(given(criteria.status), ENQUIRY_STATUSES, 'status', errors);
  if (status !== undefined) filter.status = status;
  const channel = oneOf(given(criteria.channel), ENQUIRY_CHANNELS, 'channel', errors);
  if (channel !== undefined) filter.channel = channel;

  const received = daysBetween(
    { field: 'receivedFrom', day: given(criteria.receivedFrom) },
    { field: 'receivedTo', day: given(criteria.receivedTo) },
    errors,
  );
  if (received) filter.received = received;

  return checkedSearch(filter, errors, [
    'reference',
    'contactName',
    'email',
    'phone',
    'caseReference',
    'status',
    'channel',
    'receivedFrom',
    'receivedTo',
  ]);
}
