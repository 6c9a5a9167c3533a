// A UK postal address as every service that writes letters keeps it: lines, then a postcode of its own.
// One rule for all of them (cases' parties, complaints' complainants), since a letter prints them alike.

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
 * What no single line holds (an address line, a name): control characters (C0, DEL, C1; tab and line
 * breaks too, as a line is one line) and the Unicode line and paragraph separators. The services' CHECK
 * constraints on their address columns refuse the same.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Why these are not address lines, or undefined when they are: a list of 1 to 5 strings, each 1 to 80
 * characters once trimmed, without control characters. `field` names them in the messages. Never quotes
 * the lines (they are personal data).
 */
export function addressLinesProblem(value: unknown, field = 'addressLines'): string | undefined {
  const { min, max, maxLength } = ADDRESS_LINES;
  if (!Array.isArray(value)) return `${field} must be a list of ${min} to ${max} lines`;
  if (value.length < min || value.length > max) return `${field} must have ${min} to ${max} lines`;
  for (const [i, line] of value.entries()) {
    const which = `${field} line ${i + 1}`;
    if (typeof line !== 'string') return `${which} must be text`;
    if (CONTROL_OR_LINE_BREAK.test(line)) return `${which} must not contain control characters or line breaks`;
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

/**
 * Why this is not the name of someone the service writes to, or undefined when it is: one line of 1 to 200
 * characters, without control characters and without a web address. The name is printed on letters and put
 * into emails sent in the service's name, and whoever gives it may give the address too (a claimant names the
 * defendant; a complainant or an enquirer names themselves): a line break or a link in it would let anyone
 * write their own words, "pay at https://…", into the court's message to any address. Never quotes the name.
 */
export function addresseeNameProblem(value: unknown, field = 'name'): string | undefined {
  if (typeof value !== 'string') return `${field} must be text`;
  if (CONTROL_OR_LINE_BREAK.test(value)) return `${field} must be one line, without control characters`;
  if (/:\/\/|\bwww\./i.test(value)) return `${field} must not contain a web address`;
  const length = [...value.trim()].length;
  if (length < 1 || length > 200) return `${field} must be 1 to 200 characters, not counting spaces around it`;
  return undefined;
}
