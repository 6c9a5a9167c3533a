import { BadUserInputError } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Refuses a malformed id as bad input, before it can reach the database as a type error. */
export function assertUuid(value: string, field = 'id'): string {
  if (!isUuid(value)) throw new BadUserInputError('Malformed id', [{ field, message: 'must be a UUID' }]);
  return value;
}
