import { BadUserInputError } from '../errors/app-error';
import { isUuid } from '../errors/ids';

/**
 * Keyset pagination, the same for every list in the platform: results ordered newest first by
 * (createdAt, id); the cursor is the opaque position of the last item seen. Unlike offsets it
 * does not skip or repeat rows when new ones arrive between pages.
 */
export interface CursorPosition {
  createdAt: Date;
  id: string;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/**
 * The position a cursor names, refused as bad input unless it is one this API could have issued: a time
 * PostgreSQL takes and an id of the list's kind (a uuid unless `isId` says otherwise). A forged id would
 * otherwise reach PostgreSQL as a cast error, a 500.
 */
export function decodeCursor(cursor: string, field = 'after', isId: (id: string) => boolean = isUuid): CursorPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    // Beyond the years PostgreSQL takes as a timestamp, a forged cursor would fail there as a 500.
    const year = date.getUTCFullYear();
    if (typeof id !== 'string' || !isId(id) || Number.isNaN(date.getTime()) || year < 1 || year > 9999)
      throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new BadUserInputError('The cursor is not one this API issued', [{ field, message: 'is not a valid cursor' }]);
  }
}

/**
 * The position a list starts after: none when no cursor was given (absent or GraphQL's null), else the
 * one the cursor names. An empty string is a cursor this API never issued, not a first page.
 */
export function startAfter(
  cursor: string | null | undefined,
  field = 'after',
  isId?: (id: string) => boolean,
): CursorPosition | undefined {
  return cursor === undefined || cursor === null ? undefined : decodeCursor(cursor, field, isId);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells whether there is more. */
export function toPage<T extends CursorPosition>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** A requested page size, refused (not silently clamped) when out of range. */
export function pageSize(requested: number | undefined, field = 'first'): number {
  const size = requested ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError('Invalid page size', [{ field, message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}
