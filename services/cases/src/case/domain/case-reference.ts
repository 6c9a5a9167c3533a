import { randomInt } from 'node:crypto';

/**
 * HMCTS case references: 16 digits whose last is a Luhn check digit, shown as 1234-5678-9012-3456
 * and accepted with or without the dashes (or spaces).
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Doubling starts from the digit next to the (future) check digit.
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidCaseReference(digits: string): boolean {
  return /^\d{16}$/.test(digits) && luhnCheckDigit(digits.slice(0, 15)) === Number(digits[15]);
}

/** The 16 digits of a reference as typed by a person, or undefined when it is not a valid reference. */
export function parseCaseReference(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return isValidCaseReference(digits) ? digits : undefined;
}

export function formatCaseReference(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1-');
}

export function generateCaseReference(random: (max: number) => number = randomInt): string {
  // A leading zero would be lost by anyone who types the reference into a number field.
  let payload = String(1 + random(9));
  while (payload.length < 15) payload += String(random(10));
  return payload + String(luhnCheckDigit(payload));
}
