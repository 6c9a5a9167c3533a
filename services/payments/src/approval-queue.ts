import type { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '@ccsc/platform';

/**
 * A queue of things waiting for a second person (refunds, fee waivers, Help with Fees applications),
 * oldest first, a cursor page at a time. `table` and `statuses` are the caller's constants, never input.
 */
export async function awaitingPage<Row, T extends { id: string; createdAt: Date }>(
  dataSource: DataSource,
  table: string,
  statuses: readonly string[],
  toItem: (row: Row) => T,
  limit: number,
  after?: string,
): Promise<Page<T>> {
  const position = after ? decodeCursor(after, 'cursor') : undefined;
  const rows = (await dataSource.query(
    `SELECT * FROM ${table} WHERE status = ANY ($1::text[]) ${position ? 'AND (created_at, id) > ($2, $3)' : ''} ORDER BY created_at, id LIMIT ${limit + 1}`,
    position ? [statuses, position.createdAt, position.id] : [statuses],
  )) as Row[];
  return toPage(rows.map(toItem), limit);
}
