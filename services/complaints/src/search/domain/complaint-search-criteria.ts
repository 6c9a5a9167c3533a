import type { FieldError } from '@ccsc/platform/errors';
import { checkedSearch, daysBetween, givenText, nameWordsOf, oneOf } from '@ccsc/platform/search';
import { STAGES, type Stage } from '../../complaint/domain/clocks';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../complaint/domain/complaint';

/** What an officer searches complaints by, as typed. Every given criterion must match; at least one is required. */
export interface ComplaintSearchCriteria {
  /** The complaint's reference, e.g. CMP-000123. */
  reference?: string | null;
  /** Words of the complainant's name. */
  complainant?: string | null;
  /** The 16-digit reference of a case the complaint is about. */
  caseReference?: string | null;
  /** The stage the complaint is at now: 1, 2 or 3. */
  stage?: number | null;
  /** open or closed. */
  status?: string | null;
  /** YYYY-MM-DD: complaints received on or after that London day. */
  receivedFrom?: string | null;
  /** YYYY-MM-DD: complaints received on or before that London day. */
  receivedTo?: string | null;
}

/** The criteria checked and normalised, ready for the database. */
export interface ComplaintSearchFilter {
  /** The stored form: CMP-, then the number in at least six digits. */
  reference?: string;
  /** Each word must occur, in any case, somewhere in the complainant's name. */
  nameWords?: string[];
  /** The 16 digits, as the case-access projection stores them. */
  caseReference?: string;
  stage?: Stage;
  status?: ComplaintStatus;
  /** Instants: `from` inclusive, `to` exclusive (the start of the London day after receivedTo). */
  received?: { from?: Date; to?: Date };
}

/** CMP, then the number; the prefix, a dash and leading zeros may be left out (`cmp 123` is CMP-000123). */
const TYPED_REFERENCE = /^(?:CMP)?-?(\d{1,12})$/;
/** How ComplaintRepository.nextReference writes a reference: at least six digits. */
const REFERENCE_DIGITS = 6;

/** The stored form of a complaint reference as a person typed it, or undefined when it cannot be one. */
export function normaliseComplaintReference(typed: string): string | undefined {
  const digits = TYPED_REFERENCE.exec(typed.toUpperCase().replace(/\s+/g, ''))?.[1];
  if (digits === undefined) return undefined;
  const number = digits.replace(/^0+(?=\d)/, '');
  return `CMP-${number.padStart(REFERENCE_DIGITS, '0')}`;
}

/**
 * Checks and normalises what a caller typed. Blank values count as absent (a REST client sending
 * `?reference=&status=open` means "by status"), and every problem is reported at once.
 */
export function toSearchFilter(criteria: ComplaintSearchCriteria): ComplaintSearchFilter {
  const given = givenText;
  const errors: FieldError[] = [];
  const filter: ComplaintSearchFilter = {};

  const reference = given(criteria.reference);
  if (reference !== undefined) {
    const stored = normaliseComplaintReference(reference);
    if (stored) filter.reference = stored;
    else errors.push({ field: 'reference', message: 'must be a complaint reference such as CMP-000123' });
  }

  const complainant = given(criteria.complainant);
  if (complainant !== undefined) {
    const words = nameWordsOf(complainant, 'complainant');
    if (Array.isArray(words)) filter.nameWords = words;
    else errors.push(words);
  }

  const caseReference = given(criteria.caseReference);
  if (caseReference !== undefined) {
    const digits = caseReference.replace(/[\s-]/g, '');
    if (/^\d{16}$/.test(digits)) filter.caseReference = digits;
    else errors.push({ field: 'caseReference', message: 'must be 16 digits (dashes or spaces allowed)' });
  }

  // A stage or status the complaints process does not have is a mistake to report, not a search that finds nothing.
  const stage = oneOf(criteria.stage ?? undefined, STAGES, 'stage', errors);
  if (stage !== undefined) filter.stage = stage;
  const status = oneOf(given(criteria.status)?.toLowerCase(), COMPLAINT_STATUSES, 'status', errors);
  if (status !== undefined) filter.status = status;

  // London days: a complaint received at 00:30 BST on 1 April was received on 1 April.
  const received = daysBetween(
    { field: 'receivedFrom', day: given(criteria.receivedFrom) },
    { field: 'receivedTo', day: given(criteria.receivedTo) },
    errors,
  );
  if (received) filter.received = received;

  return checkedSearch(filter, errors, [
    'reference',
    'complainant',
    'caseReference',
    'stage',
    'status',
    'receivedFrom',
    'receivedTo',
  ]);
}
