import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import type { CheckOutcome, Decision, DecisionCheck } from '../domain/decision';

interface DecisionRow {
  id: string;
  case_id: string;
  outcome: string;
  legal_basis: string;
  reasons: string;
  evidence_references: string[];
  decided_by: string;
  decided_at: Date;
  supersedes: string | null;
  superseded_by: string | null;
  check_outcome: CheckOutcome | null;
  checked_by: string | null;
  checked_at: Date | null;
  check_comments: string | null;
}

@Injectable()
export class DecisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A decision of this case, and whether a later one has already superseded it. */
  async findInCase(
    manager: EntityManager,
    caseId: string,
    decisionId: string,
  ): Promise<{ id: string; superseded: boolean } | undefined> {
    return queryOne<{ id: string; superseded: boolean }>(
      manager,
      sql`SELECT d.id, EXISTS (SELECT 1 FROM case_decisions s WHERE s.supersedes = d.id) AS superseded
        FROM case_decisions d WHERE d.id = ${decisionId} AND d.case_id = ${caseId}`,
    );
  }

  /** The case's current decision (none has superseded it), if one has been recorded. */
  async currentOf(manager: EntityManager, caseId: string): Promise<{ id: string } | undefined> {
    return queryOne<{ id: string }>(
      manager,
      sql`SELECT d.id FROM case_decisions d
        WHERE d.case_id = ${caseId} AND NOT EXISTS (SELECT 1 FROM case_decisions s WHERE s.supersedes = d.id)
        ORDER BY d.decided_at DESC, d.id LIMIT 1`,
    );
  }

  /** A decision of this case, whether superseded and how checked, read in the caller's transaction. */
  async findWithCheck(manager: EntityManager, caseId: string, decisionId: string): Promise<Decision | undefined> {
    const row = await queryOne<DecisionRow>(
      manager,
      sql`SELECT d.*, s.id AS superseded_by FROM case_decisions d LEFT JOIN case_decisions s ON s.supersedes = d.id
        WHERE d.id = ${decisionId} AND d.case_id = ${caseId}`,
    );
    return row ? toDecision(row) : undefined;
  }

  /** Records the check; a decision takes one (the database refuses any other change to it). */
  async saveCheck(manager: EntityManager, decisionId: string, check: DecisionCheck): Promise<void> {
    await execute(
      manager,
      sql`UPDATE case_decisions SET check_outcome = ${check.outcome}, checked_by = ${check.checkedBy},
          checked_at = ${check.checkedAt}, check_comments = ${check.comments ?? null}
        WHERE id = ${decisionId} AND checked_at IS NULL`,
    );
  }

  async insert(manager: EntityManager, d: Decision): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO case_decisions (id, case_id, outcome, legal_basis, reasons, evidence_references, decided_by,
          decided_at, supersedes)
        VALUES (${d.id}, ${d.caseId}, ${d.outcome}, ${d.legalBasis}, ${d.reasons}, ${d.evidenceReferences},
          ${d.decidedBy}, ${d.decidedAt}, ${d.supersedes ?? null})`,
    );
  }

  /** Oldest first, superseded ones included. */
  async forCase(caseId: string): Promise<Decision[]> {
    const rows = await query<DecisionRow>(
      this.dataSource,
      sql`SELECT d.*, s.id AS superseded_by FROM case_decisions d LEFT JOIN case_decisions s ON s.supersedes = d.id
        WHERE d.case_id = ${caseId} ORDER BY d.decided_at, d.id`,
    );
    return rows.map(toDecision);
  }
}

function toDecision(r: DecisionRow): Decision {
  return {
    id: r.id,
    caseId: r.case_id,
    outcome: r.outcome,
    legalBasis: r.legal_basis,
    reasons: r.reasons,
    evidenceReferences: r.evidence_references,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    ...(r.supersedes ? { supersedes: r.supersedes } : {}),
    ...(r.superseded_by ? { supersededBy: r.superseded_by } : {}),
    ...(r.check_outcome && r.checked_by && r.checked_at
      ? {
          check: {
            outcome: r.check_outcome,
            checkedBy: r.checked_by,
            checkedAt: r.checked_at,
            ...(r.check_comments ? { comments: r.check_comments } : {}),
          },
        }
      : {}),
  };
}
