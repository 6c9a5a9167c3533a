import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ccsc/platform';
import { hasRole, isStaff, type Principal } from '@ccsc/auth';
import { documentReceivedV2, documentReviewedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { loadVisibleCase } from '../../case/application/visible-case';
import {
  assertChannelFor,
  CaseDocument,
  DocumentChannel,
  DocumentLanguage,
  type DocumentSharing,
  filedFor,
  initialStatus,
  review,
} from '../domain/case-document';
import { DocumentRepository } from '../infrastructure/document.repository';
import { documentReaderOf } from './document-reader';

export interface ReceiveDocumentCommand {
  title: string;
  documentType: string;
  channel: DocumentChannel;
  /** English when not given. */
  language?: DocumentLanguage | null;
  storeReference: string;
  /** `parties` when not given. */
  sharedWith?: DocumentSharing | null;
  /** The party it is filed for: staff name one of the case's; a party's side one it acts for (else all of them). */
  forPartyId?: string | null;
}

export interface ReviewDocumentCommand {
  decision: 'accepted' | 'rejected';
  /** Required when rejecting. */
  reason?: string | null;
  /** Whom it is shared with from now on; as filed when not given. */
  sharedWith?: DocumentSharing | null;
}

/** Documents of a case: received from any channel, reviewed when they may be non-standard. */
@Injectable()
export class DocumentCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly documents: DocumentRepository,
  ) {}

  receive(
    caseId: string,
    command: ReceiveDocumentCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<CaseDocument> {
    const byStaff = isStaff(principal);
    assertChannelFor(command.channel, byStaff);
    // The court's own evidence is what its officers file; a `system` client's (a scanning feed) is reviewed first.
    const filedByStaff = byStaff && !hasRole(principal, 'system');
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        const visible = await loadVisibleCase(manager, this.cases, caseId, principal);
        const { title, documentType, channel, storeReference } = command;
        const reader = documentReaderOf(principal, visible.parties);
        const caseParties = visible.parties.map((p) => p.id);
        const document: CaseDocument = {
          id: randomUUID(),
          caseId,
          title,
          documentType,
          channel,
          language: command.language ?? 'en',
          storeReference,
          status: initialStatus(channel),
          filedByStaff,
          sharedWith: command.sharedWith ?? 'parties',
          filedFor: filedFor(reader, command.forPartyId ?? undefined, caseParties),
          receivedAt: now,
        };
        await this.documents.insert(manager, document);
        const { language, status } = document;
        publish({
          type: documentReceivedV2,
          subject: caseId,
          data: {
            caseId,
            documentId: document.id,
            documentType,
            channel,
            status,
            language,
            caseType: visible.snapshot.caseType,
          },
        });
        return document;
      },
      now,
    );
  }

  /** A caseworker's decision on a document awaiting review, and (`sharedWith`) whom it is for once on the record. */
  review(
    caseId: string,
    documentId: string,
    { decision, reason, sharedWith }: ReviewDocumentCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<CaseDocument> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        await loadVisibleCase(manager, this.cases, caseId, principal);
        const found = await this.documents.findForUpdate(manager, caseId, documentId);
        if (!found) throw new NotFoundError('The document');
        const reviewed = review(found, decision, reason ?? undefined, principal.sub, now, sharedWith ?? undefined);
        await this.documents.saveReview(manager, reviewed);
        publish({ type: documentReviewedV1, subject: caseId, data: { caseId, documentId, decision } });
        return reviewed;
      },
      now,
    );
  }
}
