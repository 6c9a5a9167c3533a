import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, sql } from '@ccsc/platform';
import type { CaseResult } from '../domain/case-result';

/** Results are kept as recorded; nothing reads them back here (enforcement gets them as an event). */
@Injectable()
export class ResultRepository {
  async insert(manager: EntityManager, r: CaseResult): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO case_results (id, case_id, defendant_party_id, outcome, impositions, resulted_by, resulted_at)
        VALUES (${r.id}, ${r.caseId}, ${r.defendantPartyId}, ${r.outcome}, ${JSON.stringify(r.impositions)},
          ${r.resultedBy}, ${r.resultedAt})`,
    );
  }
}
