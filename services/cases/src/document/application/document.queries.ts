import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { CaseQueries } from '../../case/application/case.queries';
import { mayReadDocument, type CaseDocument } from '../domain/case-document';
import { documentReaderOf } from './document-reader';
import { DocumentRepository } from '../infrastructure/document.repository';

/** A case's documents, each read as domain/case-document's mayReadDocument says, by whoever may see the case. */
@Injectable()
export class DocumentQueries {
  constructor(
    private readonly cases: CaseQueries,
    private readonly documents: DocumentRepository,
  ) {}

  async list(caseId: string, principal: Principal): Promise<CaseDocument[]> {
    const aggregate = await this.cases.get(caseId, principal);
    const reader = documentReaderOf(principal, aggregate.parties);
    return (await this.documents.forCase(caseId)).filter((document) => mayReadDocument(reader, document));
  }
}
