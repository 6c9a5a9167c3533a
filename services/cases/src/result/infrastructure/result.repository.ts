import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import type { CaseResult } from '../domain/case-result';

/** Results are kept as recorded, one per defendant; enforcement gets them as an event. */
@Injectable()
export class ResultRepository {
  /** The defendants of the case already resulted (the case row is locked by the caller). */
  async resultedDefendants(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await query<{ defendant_party_id: string }>(
      manager,
      sql`SELECT defendant_party_id FROM case_results WHERE case_id = ${caseId}`,
    );
    return rows.map((r) => r.defendant_party_id);
  }

  /**
   * The court a result is given in: the venue of the case's latest hearing that sat (in progress or
   * completed) by `now`. Undefined when none did here (a result recorded without a hearing on the platform).
   */
  async courtOf(manager: EntityManager, caseId: string, now: Date): Promise<string | undefined> {
    const row = await queryOne<{ venue_name: string }>(
      manager,
      sql`SELECT venue_name FROM hearings
          WHERE case_id = ${caseId} AND starts_at <= ${now} AND status IN ('in-progress', 'completed')
          ORDER BY starts_at DESC, id DESC LIMIT 1`,
    );
    return row?.venue_name;
  }

  async insert(manager: EntityManager, r: CaseResult): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO case_results (id, case_id, defendant_party_id, outcome, impositions, resulted_by, resulted_at)
        VALUES (${r.id}, ${r.caseId}, ${r.defendantPartyId}, ${r.outcome}, ${JSON.stringify(r.impositions)},
          ${r.resultedBy}, ${r.resultedAt})`,
    );
  }
}
