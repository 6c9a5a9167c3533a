import { BadUserInputError } from './app-error';
import { integerFromQuery } from '../validation/query-parameters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Refuses a malformed id as bad input, before it can reach the database as a type error. */
export function assertUuid(value: string, field = 'id'): string {
  if (!isUuid(value)) throw new BadUserInputError('Malformed id', [{ field, message: 'must be a UUID' }]);
  return value;
}

/**
 * A whole number in a path (a version): decimal digits only, from 1 to PostgreSQL's largest integer. Nest's
 * ParseIntPipe read `0x1` or `1e0` as 1 (the ValidationPipe had already made a number of it) and let
 * 2147483648 reach the database as a 500.
 */
export function assertPathInteger(value: string, field: string): number {
  const number = integerFromQuery(value);
  if (typeof number !== 'number' || number < 1 || number > 2_147_483_647)
    throw new BadUserInputError('Malformed number', [
      { field, message: 'must be a whole number from 1 to 2147483647' },
    ]);
  return number;
}
