import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CursorPosition, joinSql, query, rawSql, sql, type Sql } from '@ccsc/platform';
import { containsPattern } from '@ccsc/platform/search';
import type { ComplaintSearchFilter } from '../domain/complaint-search-criteria';

/** The criteria as the statements take them: the case reference already turned into the case's id. */
export interface ComplaintSearchConditions extends Omit<ComplaintSearchFilter, 'caseReference'> {
  caseId?: string;
}

/**
 * Past this many matches, a search that collects its matches through an index stops sorting them and
 * walks the complaints newest first instead (see ComplaintSearchRepository). On 200 000 complaints
 * (seeded with 60 surnames, so a surname matches about 3 000), every search by reference or by name
 * found its page's ids in under 15 ms at p95 with any cap from 1 000 to 5 000; the dearest search was
 * an old month of received days alone (5 500 complaints, past the cap: the walk passes the 140 000
 * received since), at 25 ms.
 */
export const MATCH_CAP = 2000;

/**
 * Runs the search statements. Only ids come back: the complaints themselves are loaded by ComplaintRepository.
 *
 * A search by name, case or received day can be answered two ways: collect every match through its
 * index and sort them, or walk the complaints newest first and check each one. Each is quick where the
 * other is slow, and PostgreSQL's choice rests on its estimate of the matches, which for a partial name
 * can be far out, and for received days, which run with the order of the walk, misleads it about where
 * the matches are. So the matches are counted, up to a cap, instead of estimated, and that count picks the way.
 */
@Injectable()
export class ComplaintSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * @param access whose complaints the caller may see: a condition over `c`, the complaints row.
   * @param limit rows wanted (the page and one more).
   */
  async findIds(
    filter: ComplaintSearchConditions,
    access: Sql,
    limit: number,
    after?: CursorPosition,
    cap = MATCH_CAP,
  ): Promise<CursorPosition[]> {
    if (hasMatchCriteria(filter)) {
      const collected = await query<{ matched: number; id: string; createdAt: Date }>(
        this.dataSource,
        matchedComplaintsSql(filter, access, limit, after, cap),
      );
      if ((collected[0]?.matched ?? 0) < cap) return collected.map(({ id, createdAt }) => ({ id, createdAt }));
    }
    return query<CursorPosition>(this.dataSource, complaintSearchSql(filter, access, limit, after));
  }
}

/** The criteria with an index of their own that finds their matches wherever they are in the newest-first order. */
export function hasMatchCriteria(filter: ComplaintSearchConditions): boolean {
  return (filter.nameWords?.length ?? 0) > 0 || filter.caseId !== undefined || filter.received !== undefined;
}

const AND = ' AND ';

/**
 * What the complaint row `c` must match: the criteria, the caller's access and the keyset position.
 * Written as the indexes expect them (ComplaintSearch1735300100000): `lower(complainant_name)` for the
 * trigram index, `closed_at IS NULL` as the open/closed index's first column.
 */
function conditions(filter: ComplaintSearchConditions, access: Sql, after: CursorPosition | undefined): Sql {
  const where: Sql[] = [];
  if (filter.reference !== undefined) where.push(sql`c.reference = ${filter.reference}`);
  for (const word of filter.nameWords ?? []) where.push(sql`lower(c.complainant_name) ILIKE ${containsPattern(word)}`);
  if (filter.caseId !== undefined) where.push(sql`c.case_ids @> ${[filter.caseId]}::uuid[]`);
  if (filter.status !== undefined) where.push(sql`(c.closed_at IS NULL) = ${filter.status === 'open'}`);
  if (filter.received?.from !== undefined) where.push(sql`c.received_at >= ${filter.received.from}`);
  if (filter.received?.to !== undefined) where.push(sql`c.received_at < ${filter.received.to}`);
  if (filter.stage !== undefined) {
    // The stage it is at now is its last; a scalar subquery stays a lookup of the complaint's own stages
    // (their primary key) for each complaint the statement reads, never a join over every stage.
    where.push(sql`(SELECT max(s.stage) FROM complaint_stages s WHERE s.complaint_id = c.id) = ${filter.stage}`);
  }
  where.push(access);
  if (after) where.push(sql`(c.created_at, c.id) < (${after.createdAt}, ${after.id})`);
  return joinSql(where, AND);
}

const NEWEST_FIRST = rawSql('ORDER BY c.created_at DESC, c.id DESC');

/**
 * One page of matching complaints, newest first, read by walking the complaints in that order: through
 * (created_at, id), the open/closed index or the complainant's own index, or from a single reference,
 * as the planner sees fit. Quick when many complaints match, since a page fills up soon.
 */
export function complaintSearchSql(
  filter: ComplaintSearchConditions,
  access: Sql,
  limit: number,
  after?: CursorPosition,
): Sql {
  return sql`SELECT c.id, c.created_at AS "createdAt" FROM complaints c WHERE ${conditions(filter, access, after)} ${NEWEST_FIRST} LIMIT ${limit}`;
}

/**
 * One page of complaints found from their matches first: up to `cap` of them through the trigram, case
 * or received-day index, then the newest of those. Quick when few match. Every row carries `matched`,
 * the number found: when it reaches `cap` there may be more, the page is not to be trusted, and
 * complaintSearchSql's walk takes over. No row means nothing matched.
 */
export function matchedComplaintsSql(
  filter: ComplaintSearchConditions,
  access: Sql,
  limit: number,
  after?: CursorPosition,
  cap = MATCH_CAP,
): Sql {
  if (!hasMatchCriteria(filter)) throw new Error('matchedComplaintsSql needs a name, case or received criterion');
  // No ORDER BY inside: the scan stops at the cap wherever the matches are.
  const matches = sql`SELECT c.id, c.created_at FROM complaints c WHERE ${conditions(filter, access, after)} LIMIT ${cap}`;
  const page = rawSql(
    'SELECT (SELECT count(*)::int FROM matched) AS matched, m.id, m.created_at AS "createdAt" FROM matched m ORDER BY m.created_at DESC, m.id DESC',
  );
  return sql`WITH matched AS MATERIALIZED (${matches}) ${page} LIMIT ${limit}`;
}
