import type { FieldError } from '@ccsc/platform/errors';
import { MAX_PENCE } from '@ccsc/platform/money';
import { checkedSearch, daysBetween, givenText, nameWordsOf, oneOf } from '@ccsc/platform/search';
import { PAYMENT_METHODS, type PaymentMethod } from '../../payment/domain/payment';

/** What an officer searches payments by, as typed. Every given criterion must match; at least one is required. */
export interface PaymentSearchCriteria {
  /** The payment's reference, whole: in any case, spaces around it ignored. */
  reference?: string;
  /** Words of the payer's name: the name of the firm's account the money came from. */
  payer?: string;
  amountPence?: number | null;
  method?: string;
  /** YYYY-MM-DD: received on or after the start of this day in London. */
  receivedFrom?: string;
  /** YYYY-MM-DD: received before the end of this day in London. */
  receivedTo?: string;
}

/** The criteria checked and normalised, ready for the database. */
export interface PaymentSearchFilter {
  /** Trimmed; compared in lower case with the stored reference. */
  reference?: string;
  /** Each word must occur, in any case, somewhere in the payer's name. */
  payerWords?: string[];
  amountPence?: number;
  method?: PaymentMethod;
  /** Received at or after `from` and before `to` (the start of the day after receivedTo), as instants. */
  received?: { from?: Date; to?: Date };
}

/** The reference column's length (payments.reference): a longer one can only find nothing. */
export const MAX_REFERENCE_LENGTH = 64;

/**
 * Checks and normalises what a caller typed. Blank values count as absent (a REST client sending
 * `?reference=&method=cheque` means "by method"), and every problem is reported at once.
 */
export function toSearchFilter(criteria: PaymentSearchCriteria): PaymentSearchFilter {
  const given = givenText;
  const errors: FieldError[] = [];
  const filter: PaymentSearchFilter = {};

  const reference = given(criteria.reference);
  if (reference !== undefined) {
    if (reference.length <= MAX_REFERENCE_LENGTH) filter.reference = reference;
    else errors.push({ field: 'reference', message: `must be at most ${MAX_REFERENCE_LENGTH} characters` });
  }

  const payer = given(criteria.payer);
  if (payer !== undefined) {
    const words = nameWordsOf(payer, 'payer');
    if (Array.isArray(words)) filter.payerWords = words;
    else errors.push(words);
  }

  // GraphQL passes an explicit null for "not given".
  const amountPence = criteria.amountPence ?? undefined;
  if (amountPence !== undefined) {
    if (Number.isInteger(amountPence) && amountPence >= 1 && amountPence <= MAX_PENCE) filter.amountPence = amountPence;
    else errors.push({ field: 'amountPence', message: `must be a whole number of pence from 1 to ${MAX_PENCE}` });
  }

  // A method no payment can have is a mistake to report, not a search that finds nothing.
  const method = oneOf(given(criteria.method), PAYMENT_METHODS, 'method', errors);
  if (method !== undefined) filter.method = method;

  const received = daysBetween(
    { field: 'receivedFrom', day: given(criteria.receivedFrom) },
    { field: 'receivedTo', day: given(criteria.receivedTo) },
    errors,
  );
  if (received) filter.received = received;

  return checkedSearch(filter, errors, ['reference', 'payer', 'amountPence', 'method', 'receivedFrom', 'receivedTo']);
}
