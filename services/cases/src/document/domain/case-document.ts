import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';
import { LANGUAGES } from '../../case/domain/party';

export const DOCUMENT_CHANNELS = ['online', 'bulk-scan', 'email', 'post'] as const;
export type DocumentChannel = (typeof DOCUMENT_CHANNELS)[number];
/** The language a document is written in: English or Welsh. */
export const DOCUMENT_LANGUAGES = LANGUAGES;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
export type DocumentStatus = 'accepted' | 'pending-review' | 'rejected';

/** The metadata of a document; the content stays in the document store, behind `storeReference`. */
export interface CaseDocument {
  id: string;
  caseId: string;
  title: string;
  documentType: string;
  channel: DocumentChannel;
  /** The language it is written in (English unless given): the work queue gives a Welsh one's review to a Welsh speaker. */
  language: DocumentLanguage;
  storeReference: string;
  status: DocumentStatus;
  rejectionReason?: string;
  receivedAt: Date;
  reviewedBy?: string;
  reviewedAt?: Date;
}

/**
 * Documents uploaded through the online service are in a standard form and accepted as they come;
 * anything scanned, emailed or posted may be non-standard and waits for a caseworker's review.
 */
export function initialStatus(channel: DocumentChannel): DocumentStatus {
  return channel === 'online' ? 'accepted' : 'pending-review';
}

export function review(
  document: CaseDocument,
  decision: 'accepted' | 'rejected',
  reason: string | undefined,
  reviewer: string,
  now: Date,
): CaseDocument {
  if (document.status !== 'pending-review') throw new ConflictError(`The document was already ${document.status}`);
  if (decision === 'rejected' && !reason?.trim())
    throw new BadUserInputError('A rejection needs a reason', [
      { field: 'reason', message: 'is required when rejecting' },
    ]);
  return {
    ...document,
    status: decision,
    ...(decision === 'rejected' ? { rejectionReason: reason?.trim() } : {}),
    reviewedBy: reviewer,
    reviewedAt: now,
  };
}
