// Fine account numbers are enforcement's, and a contract: printed on notices, typed by payers and payments
// officers, checked by payments before a payer is sent to the card provider. They are short and
// carry a check letter: "FA" then eight digits then the letter. The weights 9..2 are distinct
// modulo the prime 23, so any single wrong digit and any swap of two neighbouring digits changes the
// letter. I and O are left out of the letters because they read as 1 and 0.
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';
const PREFIX = 'FA';
const PATTERN = /^FA(\d{8})([A-Z])$/;

function checkLetter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  return CHECK_LETTERS.charAt(sum % 23);
}

/** The account number for the n-th account (n from a database sequence). */
export function formatAccountNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99_999_999) throw new RangeError(`Account sequence out of range: ${n}`);
  const digits = String(n).padStart(8, '0');
  return `${PREFIX}${digits}${checkLetter(digits)}`;
}

/** How an officer may type it: any case, with spaces or dashes. */
export function normaliseAccountNumber(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether a typed number is a fine account number at all: the form, and its check letter. */
export function isValidAccountNumber(typed: string): boolean {
  const match = PATTERN.exec(normaliseAccountNumber(typed));
  return match !== null && checkLetter(match[1] ?? '') === match[2];
}
