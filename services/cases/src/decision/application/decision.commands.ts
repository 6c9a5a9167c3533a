import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadUserInputError, ConflictError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { decisionRecordedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { CaseQueries } from '../../case/application/case.queries';
import { loadVisibleCase } from '../../case/application/visible-case';

export interface RecordDecisionCommand {
  outcome: string;
  legalBasis: string;
  reasons: string;
  evidenceReferences: string[];
  /** The decision this one corrects. */
  supersedes?: string;
}

export interface Decision extends RecordDecisionCommand {
  id: string;
  caseId: string;
  decidedBy: string;
  decidedAt: Date;
  /** The decision that corrected this one, if any; a decision without one is current. */
  supersededBy?: string;
}

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
}

/** Decisions are records, never edited: a correction is a new decision that supersedes the old. */
@Injectable()
export class DecisionCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly queries: CaseQueries,
  ) {}

  record(caseId: string, command: RecordDecisionCommand, principal: Principal, correlationId?: string, now = new Date()): Promise<Decision> {
    return this.dataSource.transaction(async (manager) => {
      await loadVisibleCase(manager, this.cases, caseId, principal);
      if (command.supersedes) {
        const [previous] = (await manager.query(
          `SELECT d.id, EXISTS (SELECT 1 FROM case_decisions s WHERE s.supersedes = d.id) AS superseded FROM case_decisions d WHERE d.id = $1 AND d.case_id = $2`,
          [command.supersedes, caseId],
        )) as { id: string; superseded: boolean }[];
        if (!previous) throw new BadUserInputError('Unknown decision', [{ field: 'supersedes', message: 'is not a decision of this case' }]);
        if (previous.superseded) throw new ConflictError('That decision has already been superseded; supersede the current one');
      }
      const decision: Decision = { id: randomUUID(), caseId, ...command, decidedBy: principal.sub, decidedAt: now };
      await manager.query(
        `INSERT INTO case_decisions (id, case_id, outcome, legal_basis, reasons, evidence_references, decided_by, decided_at, supersedes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [decision.id, caseId, command.outcome, command.legalBasis, command.reasons, command.evidenceReferences, principal.sub, now, command.supersedes ?? null],
      );
      await appendToOutbox(
        manager,
        [{ type: decisionRecordedV1, subject: caseId, data: { caseId, decisionId: decision.id, outcome: command.outcome, ...(command.supersedes ? { supersedes: command.supersedes } : {}) } }],
        { correlationId, actor: principal.sub },
        now,
      );
      return decision;
    });
  }

  async list(caseId: string, principal: Principal): Promise<Decision[]> {
    await this.queries.get(caseId, principal);
    const rows = (await this.dataSource.query(
      `SELECT d.*, s.id AS superseded_by FROM case_decisions d LEFT JOIN case_decisions s ON s.supersedes = d.id WHERE d.case_id = $1 ORDER BY d.decided_at, d.id`,
      [caseId],
    )) as DecisionRow[];
    return rows.map((r) => ({
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
    }));
  }
}
