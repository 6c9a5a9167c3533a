import type { CursorPosition } from '@ccsc/platform';
import type { CaseAccess } from '../../case/domain/case-access';
import { caseAccessCondition, type Bind } from '../../case/infrastructure/case-access.sql';
import { containsPattern, type CaseSearchFilter } from '../domain/case-search-criteria';

/** A parameterised statement for pg: `$1`... in the text, their values in order. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}


/**
 * Past this many matching parties, a search by party stops sorting its matches and walks the cases
 * newest first instead (see CaseSearchFinder). Measured on a million cases (bench/case-search.bench.ts):
 * sorting costs about as much per match as the walk costs per case it reads, and the walk reads
 * fewer cases the more there are matches, so the two worst cases meet around here.
 */
export const PARTY_MATCH_CAP = 5000;

export function hasPartyCriteria(filter: CaseSearchFilter): boolean {
  return (filter.nameWords?.length ?? 0) > 0 || filter.postcode !== undefined;
}

function builder() {
  const values: unknown[] = [];
  const bind: Bind = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { values, bind };
}

/**
 * What one party of the case (aliased `p`) must match. Name and postcode hold for the same party:
 * "Smith in SW1A 1AA" means a Smith who lives there. Written as the indexes expect them
 * (CaseSearchIndexes1732720000000): `lower(name)` for the trigram index, the stored postcode form.
 */
function partyConditions(filter: CaseSearchFilter, access: CaseAccess, bind: Bind): string[] {
  const conditions = (filter.nameWords ?? []).map((word) => `lower(p.name) ILIKE ${bind(containsPattern(word))}`);
  if (filter.postcode !== undefined) {
    conditions.push(`p.postcode = ${bind(filter.postcode)}`);
    const own = actedForCondition(access, bind);
    if (own) conditions.push(own);
  }
  return conditions;
}

/**
 * A postcode is a party's own detail (hasPartyAccess): outside staff it finds only the parties the
 * caller acts for, or searching by postcode would tell the other side where a party lives.
 */
function actedForCondition(access: CaseAccess, bind: Bind): string | undefined {
  switch (access.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return `p.represented_by = ${bind(access.organisationId)}`;
    case 'user':
      return `p.user_id = ${bind(access.userId)}`;
    case 'none':
      return 'false';
  }
}

/** What the case row `c` itself must match: its own criteria, the caller's access and the keyset position. */
function caseConditions(filter: CaseSearchFilter, access: CaseAccess, after: CursorPosition | undefined, bind: Bind): string[] {
  const where: string[] = [];
  if (filter.reference !== undefined) where.push(`c.reference = ${bind(filter.reference)}`);
  if (filter.state !== undefined) where.push(`c.state = ${bind(filter.state)}`);
  if (filter.caseType !== undefined) where.push(`c.case_type = ${bind(filter.caseType)}`);
  if (filter.hearingDay !== undefined) {
    // Driven from the day's hearings (hearings_starts_at): a day lists few cases among many.
    where.push(`c.id IN (SELECT h.case_id FROM hearings h WHERE h.starts_at >= ${bind(filter.hearingDay.from)} AND h.starts_at < ${bind(filter.hearingDay.to)})`);
  }
  const visible = caseAccessCondition(access, bind);
  if (visible) where.push(visible);
  if (after) where.push(`(c.created_at, c.id) < (${bind(after.createdAt)}, ${bind(after.id)})`);
  return where;
}

const NEWEST_FIRST = 'ORDER BY c.created_at DESC, c.id DESC';

/**
 * One page of matching cases, newest first, read by walking the cases in that order: through the
 * (state|case_type, created_at, id) or (created_at, id) index, or from a single reference, or from
 * the caller's own few cases, as the planner sees fit. Party criteria, if any, are checked case by
 * case as the walk goes, which is quick when many parties match, since a page fills up soon.
 */
export function caseSearchSql(filter: CaseSearchFilter, access: CaseAccess, limit: number, after?: CursorPosition): SqlStatement {
  const { values, bind } = builder();
  const where = caseConditions(filter, access, after, bind);
  const party = partyConditions(filter, access, bind);
  // OFFSET 0 keeps PostgreSQL from turning this EXISTS into a join, which it would plan from its
  // estimate of the matches; misjudged, that costs a second. Checked per case, the walk stops at the page's end.
  if (party.length > 0) where.push(`EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND ${party.join(' AND ')} OFFSET 0)`);
  return {
    text: `SELECT c.id, c.created_at AS "createdAt" FROM cases c${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ${NEWEST_FIRST} LIMIT ${bind(limit)}`,
    values,
  };
}

/**
 * One page of cases found from their parties first: up to `cap` matching parties through the
 * trigram or postcode index, then the newest of their cases that meet the rest. Quick when few
 * parties match. Every row carries `matched`, the number of parties found: when it reaches `cap`
 * there may be more, the page (left empty) is not to be trusted, and caseSearchSql's walk takes over.
 * There is always one row, with a null id when no case is on the page.
 */
export function matchedPartiesSql(filter: CaseSearchFilter, access: CaseAccess, limit: number, after?: CursorPosition, cap = PARTY_MATCH_CAP): SqlStatement {
  const { values, bind } = builder();
  const party = partyConditions(filter, access, bind);
  if (party.length === 0) throw new Error('matchedPartiesSql needs a party criterion');
  const capParam = bind(cap);
  const where = [`m.n < ${capParam}`, 'c.id IN (SELECT case_id FROM matched)', ...caseConditions(filter, access, after, bind)];
  return {
    text:
      `WITH matched AS MATERIALIZED (SELECT p.case_id FROM case_parties p WHERE ${party.join(' AND ')} LIMIT ${capParam}) ` +
      `SELECT m.n AS matched, c.id, c."createdAt" FROM (SELECT count(*)::int AS n FROM matched) m ` +
      // With `m.n < cap` in it, the page is not even looked for once the cap is reached.
      `LEFT JOIN LATERAL (SELECT c.id, c.created_at AS "createdAt" FROM cases c WHERE ${where.join(' AND ')} ${NEWEST_FIRST} LIMIT ${bind(limit)}) c ON true ` +
      `ORDER BY c."createdAt" DESC, c.id DESC`,
    values,
  };
}
