// Words that many fields of the payments contracts share, in GraphQL and OpenAPI alike, so that one thing
// is said one way everywhere it appears. Money is always whole pence (GBP).

export const CASE_ID = "The case's id (UUID).";
export const PAYMENT_ID = "The payment's id (UUID).";
export const ALLOCATION_ID = "The allocation's id (UUID).";
export const REFUND_ID = "The refund's id (UUID).";
export const FEE_WAIVER_ID = "The fee waiver's id (UUID).";
export const HWF_APPLICATION_ID = "The Help with Fees application's id (UUID).";
export const SERVICE_REQUEST_ID = "The service request's id (UUID); a case has at most one.";
export const SERVICE_REQUEST_FEE_ID = "The fee's id on the service request (UUID), as `correctClaimAmount` takes it.";

export const FEE_CODE = 'The fee code: FEE and four digits, e.g. FEE0202.';
export const FEE_VERSION = 'The version of the fee code, from 1; each new amount is a new version.';
export const PBA_NUMBER = "The firm's payment account number: PBA and seven digits, e.g. PBA0012345.";
export const FINE_ACCOUNT_NUMBER =
  "The fine account number on enforcement's notice: FA, eight digits and a check letter, e.g. FA00012345E; spaces, dashes and lower case are accepted.";

/** The user who did something, as the identity provider names them. */
export const USER_ID = 'the user id (the subject of their token)';
export const UTC_INSTANT = 'Date and time, ISO 8601 in UTC.';
export const LOCAL_DAY = 'A calendar day in England, YYYY-MM-DD.';

/** Money is whole pence, GBP: 25000 is £250.00. */
export const PENCE = 'In pence (GBP).';

export const PAGE_AFTER =
  "Where the page starts: the previous page's `pageInfo.endCursor`; leave out for the first page.";
export const NEXT_CURSOR = 'Pass as `cursor` for the next page; null on the last page.';
/** A cursor as the API issues it (opaque: only ever pass back what a page gave). */
export const CURSOR_EXAMPLE =
  'WyIyMDI3LTAzLTE1VDEwOjAwOjAwLjAwMFoiLCIzZjBiNmMxZS04ZDJhLTRjNWItOWU3Zi0xYTJiM2M0ZDVlNmYiXQ';

export const PAYMENT_METHOD =
  "`card`, `payment-by-account` (a firm's PBA account), `cheque`, `postal-order`, `cash` or `bank-transfer` (the last four arrive by bulk scanning).";
export const PAYMENT_STATUS =
  '`created` (a card payment not yet handed to the provider), `pending` (the payer is at the provider), `success` (money received), `failed` or `cancelled`. Payments by account and bulk-scanned payments are `success` at once.';
export const ALLOCATION_TARGET =
  "`service-request` (a case's fees), `fine-account` (a criminal fine, handed to enforcement) or `unidentified` (nobody could tell whose it is: held in suspense).";
export const ALLOCATION_STATUS =
  '`awaiting-verification` (a second officer must verify it before the money moves), `verified` (the money is where it says), `rejected` (the verifier refused it; the amount is free again), `reversed` (the payment bounced or was charged back) or `transferred` (moved on by a later transfer).';
export const FEE_CHANNEL = '`online`, `bulk` or `default` (a `default` fee serves any channel without its own).';
export const FEE_EVENT = '`issue`, `hearing`, `appeal`, `enforcement`, `application` or `general`.';
