import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { documentReceivedV1, documentReviewedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { CaseQueries } from '../../case/application/case.queries';
import { loadVisibleCase } from '../../case/application/visible-case';
import { CaseDocument, DocumentChannel, initialStatus, review } from '../domain/case-document';

export interface ReceiveDocumentCommand {
  title: string;
  documentType: string;
  channel: DocumentChannel;
  storeReference: string;
}

interface DocumentRow {
  id: string;
  case_id: string;
  title: string;
  document_type: string;
  channel: DocumentChannel;
  store_reference: string;
  status: CaseDocument['status'];
  rejection_reason: string | null;
  received_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

const toDocument = (r: DocumentRow): CaseDocument => ({
  id: r.id,
  caseId: r.case_id,
  title: r.title,
  documentType: r.document_type,
  channel: r.channel,
  storeReference: r.store_reference,
  status: r.status,
  receivedAt: r.received_at,
  ...(r.rejection_reason ? { rejectionReason: r.rejection_reason } : {}),
  ...(r.reviewed_by ? { reviewedBy: r.reviewed_by } : {}),
  ...(r.reviewed_at ? { reviewedAt: r.reviewed_at } : {}),
});

/** Documents of a case: received from any channel, reviewed when they may be non-standard. */
@Injectable()
export class DocumentCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly queries: CaseQueries,
  ) {}

  receive(caseId: string, command: ReceiveDocumentCommand, principal: Principal, correlationId?: string, now = new Date()): Promise<CaseDocument> {
    return this.dataSource.transaction(async (manager) => {
      await loadVisibleCase(manager, this.cases, caseId, principal);
      const document: CaseDocument = { id: randomUUID(), caseId, ...command, status: initialStatus(command.channel), receivedAt: now };
      await manager.query(
        `INSERT INTO case_documents (id, case_id, title, document_type, channel, store_reference, status, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [document.id, caseId, document.title, document.documentType, document.channel, document.storeReference, document.status, now],
      );
      await appendToOutbox(
        manager,
        [{ type: documentReceivedV1, subject: caseId, data: { caseId, documentId: document.id, documentType: document.documentType, channel: document.channel, status: document.status } }],
        { correlationId, actor: principal.sub },
        now,
      );
      return document;
    });
  }

  review(caseId: string, documentId: string, decision: 'accepted' | 'rejected', reason: string | undefined, principal: Principal, correlationId?: string, now = new Date()): Promise<CaseDocument> {
    return this.dataSource.transaction(async (manager) => {
      await loadVisibleCase(manager, this.cases, caseId, principal);
      const reviewed = review(await this.find(manager, caseId, documentId), decision, reason, principal.sub, now);
      await manager.query(`UPDATE case_documents SET status = $2, rejection_reason = $3, reviewed_by = $4, reviewed_at = $5 WHERE id = $1`, [
        documentId,
        reviewed.status,
        reviewed.rejectionReason ?? null,
        principal.sub,
        now,
      ]);
      await appendToOutbox(manager, [{ type: documentReviewedV1, subject: caseId, data: { caseId, documentId, decision } }], { correlationId, actor: principal.sub }, now);
      return reviewed;
    });
  }

  async list(caseId: string, principal: Principal): Promise<CaseDocument[]> {
    await this.queries.get(caseId, principal);
    const rows = (await this.dataSource.query(`SELECT * FROM case_documents WHERE case_id = $1 ORDER BY received_at, id`, [caseId])) as DocumentRow[];
    return rows.map(toDocument);
  }

  private async find(manager: EntityManager, caseId: string, documentId: string): Promise<CaseDocument> {
    const [row] = (await manager.query(`SELECT * FROM case_documents WHERE id = $1 AND case_id = $2 FOR UPDATE`, [documentId, caseId])) as DocumentRow[];
    if (!row) throw new NotFoundError('The document');
    return toDocument(row);
  }
}
