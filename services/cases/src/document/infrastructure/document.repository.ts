import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, query, queryOne, sql } from '@ccsc/platform';
import type { CaseDocument, DocumentChannel, DocumentLanguage } from '../domain/case-document';

interface DocumentRow {
  id: string;
  case_id: string;
  title: string;
  document_type: string;
  channel: DocumentChannel;
  language: DocumentLanguage;
  store_reference: string;
  status: CaseDocument['status'];
  filed_by_staff: boolean;
  shared_with: CaseDocument['sharedWith'];
  filed_for: string[];
  rejection_reason: string | null;
  received_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

@Injectable()
export class DocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, d: CaseDocument): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO case_documents (id, case_id, title, document_type, channel, language, store_reference, status,
          filed_by_staff, shared_with, filed_for, received_at)
        VALUES (${d.id}, ${d.caseId}, ${d.title}, ${d.documentType}, ${d.channel}, ${d.language}, ${d.storeReference},
          ${d.status}, ${d.filedByStaff}, ${d.sharedWith}, ${d.filedFor}::uuid[], ${d.receivedAt})`,
    );
  }

  /** A document of this case, locked until the caller's transaction ends. */
  async findForUpdate(manager: EntityManager, caseId: string, documentId: string): Promise<CaseDocument | undefined> {
    const row = await queryOne<DocumentRow>(
      manager,
      sql`SELECT * FROM case_documents WHERE id = ${documentId} AND case_id = ${caseId} FOR UPDATE`,
    );
    return row && toDocument(row);
  }

  /** Saves a review: its status, whom it is shared with, reason, reviewer and time. */
  async saveReview(manager: EntityManager, d: CaseDocument): Promise<void> {
    await execute(
      manager,
      sql`UPDATE case_documents SET status = ${d.status}, shared_with = ${d.sharedWith},
        rejection_reason = ${d.rejectionReason ?? null},
        reviewed_by = ${d.reviewedBy ?? null}, reviewed_at = ${d.reviewedAt ?? null} WHERE id = ${d.id}`,
    );
  }

  /** Oldest first. */
  async forCase(caseId: string): Promise<CaseDocument[]> {
    const rows = await query<DocumentRow>(
      this.dataSource,
      sql`SELECT * FROM case_documents WHERE case_id = ${caseId} ORDER BY received_at, id`,
    );
    return rows.map(toDocument);
  }
}

/** Who a document is for, which the timeline's entries about it follow; undefined for one it does not hold. */
export async function sharingOfDocument(
  manager: EntityManager,
  documentId: string,
): Promise<Pick<CaseDocument, 'sharedWith' | 'filedFor'> | undefined> {
  const row = await queryOne<Pick<DocumentRow, 'shared_with' | 'filed_for'>>(
    manager,
    sql`SELECT shared_with, filed_for FROM case_documents WHERE id = ${documentId}`,
  );
  return row && { sharedWith: row.shared_with, filedFor: row.filed_for };
}

function toDocument(r: DocumentRow): CaseDocument {
  return {
    id: r.id,
    caseId: r.case_id,
    title: r.title,
    documentType: r.document_type,
    channel: r.channel,
    language: r.language,
    storeReference: r.store_reference,
    status: r.status,
    filedByStaff: r.filed_by_staff,
    sharedWith: r.shared_with,
    filedFor: r.filed_for,
    receivedAt: r.received_at,
    ...(r.rejection_reason ? { rejectionReason: r.rejection_reason } : {}),
    ...(r.reviewed_by ? { reviewedBy: r.reviewed_by } : {}),
    ...(r.reviewed_at ? { reviewedAt: r.reviewed_at } : {}),
  };
}
