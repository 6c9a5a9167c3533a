import { CASE_TYPES } from './case-type/case-types';

// Words that many fields of the cases contracts share, in GraphQL and OpenAPI alike, so that one thing is
// said one way everywhere it appears.

export const CASE_ID = "The case's id (UUID).";
export const PARTY_ID = "The party's id on its case (UUID).";
export const CASE_TYPE_ID = `Case type id: ${CASE_TYPES.map((t) => `\`${t.id}\``).join(', ')} (see \`caseTypes\`).`;
export const CASE_STATE =
  "A state of the case's type, e.g. `Draft`, `Submitted`, `AwaitingResponse`, `Closed` (each case type lists its own in `caseTypes`).";
export const EVENT_ID =
  "An event id of the case's type, e.g. `submit` or `issue` (each case type lists its own in `caseTypes`).";
/** The user who did something, as the identity provider names them: the subject of their token. */
export const USER_ID = 'the user id (the subject of their token)';
export const USER_ID_EXAMPLE = 'caseworker-sam-patel';
export const UTC_INSTANT = 'Date and time, ISO 8601 in UTC.';
export const UPDATED_AT = `When it last changed. ${UTC_INSTANT}`;
export const PAGE_AFTER =
  "Where the page starts: the previous page's `pageInfo.endCursor`; leave out for the first page.";

// The start and end of a route's own error answers, which stand in for the platform's generic ones.
export const INVALID_INPUT = 'Invalid input (each wrong field is named in `errors`)';
export const KEY_REUSED = 'the Idempotency-Key was used with another body';
