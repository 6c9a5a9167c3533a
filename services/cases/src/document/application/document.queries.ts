import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { CaseQueries } from '../../case/application/case.queries';
import type { CaseDocument } from '../domain/case-document';
import { DocumentRepository } from '../infrastructure/document.repository';

/** A case's documents are read by whoever may see the case. */
@Injectable()
export class DocumentQueries {
  constructor(
    private readonly cases: CaseQueries,
    private readonly documents: DocumentRepository,
  ) {}

  async list(caseId: string, principal: Principal): Promise<CaseDocument[]> {
    await this.cases.get(caseId, principal);
    return this.documents.forCase(caseId);
  }
}
