import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CursorPosition } from '@ccsc/platform';
import type { CaseAccess } from '../../case/domain/case-access';
import type { CaseSearchFilter } from '../domain/case-search-criteria';
import { caseSearchSql, hasPartyCriteria, matchedPartiesSql, PARTY_MATCH_CAP } from './case-search.sql';

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
export class CaseSearchFinder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findIds(filter: CaseSearchFilter, access: CaseAccess, limit: number, after?: CursorPosition, cap = PARTY_MATCH_CAP): Promise<CursorPosition[]> {
    if (hasPartyCriteria(filter)) {
      const collected = await this.run<{ matched: number; id: string | null; createdAt: Date | null }>(matchedPartiesSql(filter, access, limit, after, cap));
      if ((collected[0]?.matched ?? 0) < cap) return collected.flatMap((r) => (r.id !== null && r.createdAt !== null ? [{ id: r.id, createdAt: r.createdAt }] : []));
    }
    return this.run<CursorPosition>(caseSearchSql(filter, access, limit, after));
  }

  private run<T>(statement: { text: string; values: unknown[] }): Promise<T[]> {
    return this.dataSource.query<T[]>(statement.text, statement.values);
  }
}
