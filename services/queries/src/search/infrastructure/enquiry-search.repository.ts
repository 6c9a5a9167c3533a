import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@ccsc/auth';
import { containsPattern, type CursorPosition, joinSql, query, rawSql, sql, type Sql } from '@ccsc/platform';
import { visibleTo } from '../../enquiry/infrastructure/enquiry.repository';
import type { EnquirySearchFilter } from '../domain/enquiry-search-criteria';

/**
 * Past this many matching contacts, a search by contact stops collecting them and walks the enquiries
 * newest first instead: the same two ways, and the same reason, as case search's PARTY_MATCH_CAP
 * (a common name matches thousands of contacts, a rare one a few; PostgreSQL's estimate of which it is
 * can be wrong by far, so the matches are counted up to the cap instead). 2000 rather than 5000: on a
 * million enquiries the common-surname p95 fell from 62 to 18 ms (docs/benchmarks.md, enquiry-search).
 */
export const CONTACT_MATCH_CAP = 2000;

/**
 * A received range at most this long is read whole, then sorted (enquiries_received), rather than walked
 * newest first: a walk from today to a month two years back reads half the table before its first row
 * (248 ms p95 for "Jones, received in March" on a million enquiries; docs/benchmarks.md).
 */
export const RANGE_FIRST_DAYS = 62;

/** What the enquiry search finds: the ids of one page, newest first. */
export interface EnquirySearchQuery {
  filter: EnquirySearchFilter;
  /** The case the case reference names; absent when none was asked for. */
  caseId?: string;
  scope: AccessScope;
  limit: number;
  after?: CursorPosition;
}

@Injectable()
export class EnquirySearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findIds(search: EnquirySearchQuery, cap = CONTACT_MATCH_CAP): Promise<CursorPosition[]> {
    if (contactConditions(search.filter, 'm').length > 0) {
      const collected = await query<{ matched: number; id: string | null; createdAt: Date | null }>(
        this.dataSource,
        matchedContactsSql(search, cap),
      );
      if ((collected[0]?.matched ?? 0) < cap)
        return collected.flatMap((r) =>
          r.id !== null && r.createdAt !== null ? [{ id: r.id, createdAt: r.createdAt }] : [],
        );
    }
    return query<CursorPosition>(this.dataSource, enquirySearchSql(search));
  }
}

const AND = ' AND ';

/** What the contact (aliased `alias`) must match, written as the indexes expect (EnquirySearch1735300100000). */
function contactConditions(filter: EnquirySearchFilter, alias: string): Sql[] {
  const column = (name: string) => rawSql(`${alias}.${name}`);
  const conditions = (filter.nameWords ?? []).map(
    (word) => sql`lower(${column('name')}) ILIKE ${containsPattern(word)}`,
  );
  if (filter.email !== undefined) conditions.push(sql`lower(${column('email')}) = ${filter.email}`);
  if (filter.phoneDigits !== undefined)
    conditions.push(sql`regexp_replace(${column('phone')}, '[^0-9]', '', 'g') = ${filter.phoneDigits}`);
  return conditions;
}

/** What the enquiry `e` itself must match, the caller's access (on its contact `ct`) and the keyset position. */
function enquiryConditions({ filter, caseId, scope, after }: EnquirySearchQuery): Sql[] {
  const where: Sql[] = [];
  if (filter.reference !== undefined) where.push(sql`e.reference = ${filter.reference}`);
  if (filter.caseReference !== undefined)
    where.push(caseId === undefined ? rawSql('false') : sql`e.case_id = ${caseId}`);
  if (filter.status !== undefined) where.push(sql`e.status = ${filter.status}`);
  if (filter.channel !== undefined) where.push(sql`e.channel = ${filter.channel}`);
  if (filter.received?.from) {
    where.push(sql`e.received_at >= ${filter.received.from}`);
    // Nothing is recorded before it is received (EnquiryCommands refuses a future receivedAt), so this
    // bound is implied, and it lets a walk newest first stop at the start of the range.
    where.push(sql`e.created_at >= ${filter.received.from}`);
  }
  if (filter.received?.to) where.push(sql`e.received_at < ${filter.received.to}`);
  where.push(visibleTo(scope));
  if (after) where.push(sql`(e.created_at, e.id) < (${after.createdAt}, ${after.id})`);
  return where;
}

const PAGE_COLUMNS = rawSql('e.id, e.created_at AS "createdAt"');
/**
 * The contact is joined only when the caller's access is decided on it (a citizen's or firm's own
 * contacts); staff see every enquiry, and the join would cost a contact lookup per row walked.
 */
function from(scope: AccessScope): Sql {
  return scope.kind === 'all'
    ? rawSql('FROM enquiries e')
    : rawSql('FROM enquiries e JOIN contacts ct ON ct.id = e.contact_id');
}
const NEWEST_FIRST = rawSql('ORDER BY e.created_at DESC, e.id DESC');

/**
 * One page of matching enquiries read by walking them newest first (through the status, channel or
 * (created_at, id) index, or from one reference or case), or from a short received range. Contact criteria, if any, are checked per
 * enquiry as the walk goes (OFFSET 0 keeps the check from becoming a join planned on a misjudged
 * estimate), which is quick when many contacts match, since a page fills up soon.
 */
export function enquirySearchSql(search: EnquirySearchQuery): Sql {
  if (isShortRange(search.filter.received)) return receivedRangeSql(search);
  const where = enquiryConditions(search);
  const contact = contactConditions(search.filter, 'm');
  if (contact.length > 0)
    where.push(sql`EXISTS (SELECT 1 FROM contacts m WHERE m.id = e.contact_id AND ${joinSql(contact, AND)} OFFSET 0)`);
  return sql`SELECT ${PAGE_COLUMNS} ${from(search.scope)} WHERE ${joinSql(where, AND)} ${NEWEST_FIRST} LIMIT ${search.limit}`;
}

function isShortRange(range: EnquirySearchFilter['received']): boolean {
  return range?.from !== undefined && range.to !== undefined
    ? range.to.getTime() - range.from.getTime() <= RANGE_FIRST_DAYS * 24 * 60 * 60 * 1000
    : false;
}

/**
 * One page from a short received range: the range's enquiries that meet the rest are read through
 * enquiries_received (MATERIALIZED, so that the planner cannot turn it back into a walk on a misjudged
 * estimate), then the contact criteria, if any, are one semi-join against the matching contacts.
 */
function receivedRangeSql(search: EnquirySearchQuery): Sql {
  const contact = contactConditions(search.filter, 'm');
  const matches =
    contact.length > 0
      ? sql`WHERE r.contact_id IN (SELECT m.id FROM contacts m WHERE ${joinSql(contact, AND)})`
      : rawSql('');
  return sql`WITH ranged AS MATERIALIZED (
      SELECT e.id, e.created_at, e.contact_id ${from(search.scope)} WHERE ${joinSql(enquiryConditions(search), AND)})
    SELECT r.id, r.created_at AS "createdAt" FROM ranged r ${matches}
    ORDER BY r.created_at DESC, r.id DESC LIMIT ${search.limit}`;
}

/**
 * One page found from the contacts first: up to `cap` matching contacts through the trigram, email or
 * phone index, then the newest of their enquiries that meet the rest (enquiries_contact_newest). Every
 * row carries `matched`; at `cap` the page is left empty and the walk takes over. There is always one
 * row, with a null id when no enquiry is on the page.
 */
export function matchedContactsSql(search: EnquirySearchQuery, cap = CONTACT_MATCH_CAP): Sql {
  const contact = contactConditions(search.filter, 'm');
  if (contact.length === 0) throw new Error('matchedContactsSql needs a contact criterion');
  const matches = sql`SELECT m.id FROM contacts m WHERE ${joinSql(contact, AND)} LIMIT ${cap}`;
  const where = [sql`n.n < ${cap}`, sql`e.contact_id IN (SELECT id FROM matched)`, ...enquiryConditions(search)];
  const page = sql`SELECT ${PAGE_COLUMNS} ${from(search.scope)} WHERE ${joinSql(where, AND)} ${NEWEST_FIRST} LIMIT ${search.limit}`;
  return sql`WITH matched AS MATERIALIZED (${matches})
    SELECT n.n AS matched, p.id, p."createdAt" FROM (SELECT count(*)::int AS n FROM matched) n
    LEFT JOIN LATERAL (${page}) p ON true ORDER BY p."createdAt" DESC, p.id DESC`;
}
