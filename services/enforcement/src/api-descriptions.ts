// Words the enforcement API's documents use in many places, the same over REST and GraphQL, so that one
// thing is described one way. Each feature's own words stay in its api/ files.

/** Who did something, as every record here keeps it. */
export const USER_ID = "their user id (the identity provider's subject)";

export const ACCOUNT_ID = "The fine account's id (UUID).";

/** A real-looking fine account number: FA, eight digits and the check letter that goes with them. */
export const ACCOUNT_NUMBER_EXAMPLE = 'FA10000001M';

/** A business unit as a fixed penalty names it. */
export const BUSINESS_UNIT_EXAMPLE = 'BU-LONDON-01';

export const NEXT_CURSOR = 'Pass as `cursor` to get the next page; null on the last page.';

/** What a cursor looks like: opaque, base64url. */
export const CURSOR_EXAMPLE =
  'WyIyMDI3LTAzLTE1VDEwOjAwOjAwLjAwMFoiLCIzZjBiNmMxZS04ZDJhLTRjNWItOWU3Zi0xYTJiM2M0ZDVlNmYiXQ';

/** A user id as the identity provider gives it. */
export const OFFICER_EXAMPLE = 'officer-sam';
