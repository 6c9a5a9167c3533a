import type { FieldError } from '@ccsc/platform/errors';
import { checkedSearch, givenText, nameWordsOf } from '@ccsc/platform/search';
import { parseCaseReference } from '../../case/domain/case-reference';
import { normalisePostcode } from '../../case/domain/party';
import { addDays, isSupportedLocalDate, londonInstant } from '@ccsc/calendar';
import { CASE_TYPES, findCaseType } from '../../case-type/case-types';

/** What a caller searches cases by, as typed. Every given criterion must match; at least one is required. */
export interface CaseSearchCriteria {
  reference?: string;
  partyName?: string;
  postcode?: string;
  state?: string;
  caseType?: string;
  /** YYYY-MM-DD: cases with a hearing starting that day in London. */
  hearingDate?: string;
}

/** The criteria checked and normalised, ready for the database. */
export interface CaseSearchFilter {
  /** The 16 digits, Luhn-checked. */
  reference?: string;
  /** Each word must occur, in any case, somewhere in the name of one and the same party. */
  nameWords?: string[];
  /** Upper case, no spaces: the form the column stores. */
  postcode?: string;
  state?: string;
  caseType?: string;
  /** The London day's bounds, as instants. */
  hearingDay?: { from: Date; to: Date };
}

/** Stored postcodes satisfy this too (the column's CHECK constraint), so a search for anything else can only find nothing. */
const STORED_POSTCODE = /^[A-Z0-9]{2,10}$/;

/**
 * Checks and normalises what a caller typed. Blank values count as absent (a REST client sending
 * `?reference=&state=Issued` means "by state"), and every problem is reported at once.
 */
export function toSearchFilter(criteria: CaseSearchCriteria): CaseSearchFilter {
  const given = givenText;
  const errors: FieldError[] = [];
  const filter: CaseSearchFilter = {};

  const reference = given(criteria.reference);
  if (reference !== undefined) {
    const digits = parseCaseReference(reference);
    if (digits) filter.reference = digits;
    else
      errors.push({
        field: 'reference',
        message: 'must be 16 digits (dashes or spaces allowed) with a valid check digit',
      });
  }

  const partyName = given(criteria.partyName);
  if (partyName !== undefined) {
    const words = nameWordsOf(partyName, 'partyName');
    if (Array.isArray(words)) filter.nameWords = words;
    else errors.push(words);
  }

  const postcode = given(criteria.postcode);
  if (postcode !== undefined) {
    const normalised = normalisePostcode(postcode);
    if (STORED_POSTCODE.test(normalised)) filter.postcode = normalised;
    else errors.push({ field: 'postcode', message: 'must be a postcode: 2 to 10 letters and digits, spaces allowed' });
  }

  // A state or case type no definition has is a mistake to report, not a search that finds nothing.
  const caseType = given(criteria.caseType);
  const definition = caseType === undefined ? undefined : findCaseType(caseType);
  if (caseType !== undefined) {
    if (definition) filter.caseType = caseType;
    else errors.push({ field: 'caseType', message: `must be one of ${CASE_TYPES.map((t) => t.id).join(', ')}` });
  }
  const state = given(criteria.state);
  if (state !== undefined) {
    const states = new Set((definition ? [definition] : CASE_TYPES).flatMap((t) => t.states));
    if (states.has(state)) filter.state = state;
    else errors.push({ field: 'state', message: `is not a state of ${filter.caseType ?? 'any case type'}` });
  }

  const hearingDate = given(criteria.hearingDate);
  if (hearingDate !== undefined) {
    if (isSupportedLocalDate(hearingDate))
      filter.hearingDay = { from: londonInstant(hearingDate), to: londonInstant(addDays(hearingDate, 1)) };
    else errors.push({ field: 'hearingDate', message: 'must be a date as YYYY-MM-DD' });
  }

  return checkedSearch(filter, errors, ['reference', 'partyName', 'postcode', 'state', 'caseType', 'hearingDate']);
}
