import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ownerFilter } from '@ccsc/auth';
import { type CursorPosition, joinSql, query, rawSql, sql, type Sql } from '@ccsc/platform';
import type { CaseAccess } from '../../case/domain/case-access';
import { caseAccessFilter } from '../../case/infrastructure/case.repository';
import { containsPattern } from '@ccsc/platform/search';
import type { CaseSearchFilter } from '../domain/case-search-criteria';

/**
 * Past this many matching parties, a search by party stops sorting its matches and walks the cases
 * newest first instead (see CaseSearchRepository). Measured on a million cases (bench/case-search.bench.ts):
 * sorting costs about as much per match as the walk costs per case it reads, and the walk reads
 * fewer cases the more there are matches, so the two worst cases meet around here.
 */
export const PARTY_MATCH_CAP = 5000;

/**
 * Runs the search statements. Only ids come back: the cases themselves are loaded by CaseRepository.
 *
 * A search by party can be answered two ways: collect every matching party and sort their cases,
 * or walk the cases newest first and check each one's parties. Each is quick where the other is
 * slow, and PostgreSQL's choice rests on its estimate of the matches, which for partial names can
 * be wrong by far (on a million cases, a second instead of milliseconds). So the matches are
 * counted, up to a cap, instead of estimated, and that count picks the way.
 */
@Injectable()
export class CaseSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findIds(
    filter: CaseSearchFilter,
    access: CaseAccess,
    limit: number,
    after?: CursorPosition,
    cap = PARTY_MATCH_CAP,
  ): Promise<CursorPosition[]> {
    if (hasPartyCriteria(filter)) {
      const collected = await query<{ matched: number; id: string | null; createdAt: Date | null }>(
        this.dataSource,
        matchedPartiesSql(filter, access, limit, after, cap),
      );
      if ((collected[0]?.matched ?? 0) < cap) {
        return collected.flatMap((r) =>
          r.id !== null && r.createdAt !== null ? [{ id: r.id, createdAt: r.createdAt }] : [],
        );
      }
    }
    return query<CursorPosition>(this.dataSource, caseSearchSql(filter, access, limit, after));
  }
}

export function hasPartyCriteria(filter: CaseSearchFilter): boolean {
  return (filter.nameWords?.length ?? 0) > 0 || filter.postcode !== undefined;
}

const AND = ' AND ';

/**
 * What one party of the case (aliased `p`) must match. Name and postcode hold for the same party:
 * "Smith in SW1A 1AA" means a Smith who lives there. Written as the indexes expect them
 * (CaseSearchIndexes1732720000000): `lower(name)` for the trigram index, the stored postcode form.
 */
function partyConditions(filter: CaseSearchFilter, access: CaseAccess): Sql[] {
  const conditions = (filter.nameWords ?? []).map((word) => sql`lower(p.name) ILIKE ${containsPattern(word)}`);
  if (filter.postcode !== undefined) {
    conditions.push(sql`p.postcode = ${filter.postcode}`);
    // A postcode is a party's own detail (hasPartyAccess): outside staff it finds only the parties the
    // caller acts for, or searching by postcode would tell the other side where a party lives.
    conditions.push(ownerFilter(access, { user: 'p.user_id', organisation: 'p.represented_by' }));
  }
  return conditions;
}

/** What the case row `c` itself must match: its own criteria, the caller's access and the keyset position. */
function caseConditions(filter: CaseSearchFilter, access: CaseAccess, after: CursorPosition | undefined): Sql[] {
  const where: Sql[] = [];
  if (filter.reference !== undefined) where.push(sql`c.reference = ${filter.reference}`);
  if (filter.state !== undefined) where.push(sql`c.state = ${filter.state}`);
  if (filter.caseType !== undefined) where.push(sql`c.case_type = ${filter.caseType}`);
  if (filter.hearingDay !== undefined) {
    // Driven from the day's hearings (hearings_starts_at): a day lists few cases among many.
    const { from, to } = filter.hearingDay;
    where.push(sql`c.id IN (SELECT h.case_id FROM hearings h WHERE h.starts_at >= ${from} AND h.starts_at < ${to})`);
  }
  where.push(caseAccessFilter(access));
  if (after) where.push(sql`(c.created_at, c.id) < (${after.createdAt}, ${after.id})`);
  return where;
}

const PAGE_COLUMNS = rawSql('c.id, c.created_at AS "createdAt"');
const NEWEST_FIRST = rawSql('ORDER BY c.created_at DESC, c.id DESC');

/**
 * One page of matching cases, newest first, read by walking the cases in that order: through the
 * (state|case_type, created_at, id) or (created_at, id) index, or from a single reference, or from
 * the caller's own few cases, as the planner sees fit. Party criteria, if any, are checked case by
 * case as the walk goes, which is quick when many parties match, since a page fills up soon.
 */
export function caseSearchSql(
  filter: CaseSearchFilter,
  access: CaseAccess,
  limit: number,
  after?: CursorPosition,
): Sql {
  const where = caseConditions(filter, access, after);
  const party = partyConditions(filter, access);
  // OFFSET 0 keeps PostgreSQL from turning this EXISTS into a join, which it would plan from its
  // estimate of the matches; misjudged, that costs a second. Checked per case, the walk stops at the page's end.
  if (party.length > 0) {
    where.push(sql`EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND ${joinSql(party, AND)} OFFSET 0)`);
  }
  return sql`SELECT ${PAGE_COLUMNS} FROM cases c WHERE ${joinSql(where, AND)} ${NEWEST_FIRST} LIMIT ${limit}`;
}

/**
 * One page of cases found from their parties first: up to `cap` matching parties through the
 * trigram or postcode index, then the newest of their cases that meet the rest. Quick when few
 * parties match. Every row carries `matched`, the number of parties found: when it reaches `cap`
 * there may be more, the page (left empty) is not to be trusted, and caseSearchSql's walk takes over.
 * There is always one row, with a null id when no case is on the page.
 */
export function matchedPartiesSql(
  filter: CaseSearchFilter,
  access: CaseAccess,
  limit: number,
  after?: CursorPosition,
  cap = PARTY_MATCH_CAP,
): Sql {
  const party = partyConditions(filter, access);
  if (party.length === 0) throw new Error('matchedPartiesSql needs a party criterion');
  const matches = sql`SELECT p.case_id FROM case_parties p WHERE ${joinSql(party, AND)} LIMIT ${cap}`;
  // With `m.n < cap` in it, the page is not even looked for once the cap is reached.
  const where = [
    sql`m.n < ${cap}`,
    sql`c.id IN (SELECT case_id FROM matched)`,
    ...caseConditions(filter, access, after),
  ];
  const page = sql`SELECT ${PAGE_COLUMNS} FROM cases c WHERE ${joinSql(where, AND)} ${NEWEST_FIRST} LIMIT ${limit}`;
  const counted = rawSql('SELECT m.n AS matched, c.id, c."createdAt" FROM (SELECT count(*)::int AS n FROM matched) m');
  const lateral = sql`LEFT JOIN LATERAL (${page}) c ON true`;
  return sql`WITH matched AS MATERIALIZED (${matches}) ${counted} ${lateral} ORDER BY c."createdAt" DESC, c.id DESC`;
}
