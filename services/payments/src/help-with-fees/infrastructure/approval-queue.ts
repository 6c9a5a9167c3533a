import { query, rawSql, sql, type Queryable } from '@ccsc/platform';

/**
 * A page of a queue of things waiting for a second person (Help with Fees applications, fee waivers,
 * refunds), oldest first, from a keyset position, with one row more than the page to tell whether
 * there is a next. `table` and `statuses` are the repository's constants, never input.
 */
export function awaitingPage<Row>(
  manager: Queryable,
  table: 'hwf_applications' | 'fee_waivers' | 'refunds',
  statuses: readonly string[],
  limit: number,
  after?: { createdAt: Date; id: string },
): Promise<Row[]> {
  const position = after ? sql`AND (created_at, id) > (${after.createdAt}, ${after.id})` : rawSql('');
  return query<Row>(
    manager,
    sql`SELECT * FROM ${rawSql(table)} WHERE status = ANY (${statuses}::text[]) ${position}
     ORDER BY created_at, id LIMIT ${limit + 1}`,
  );
}
