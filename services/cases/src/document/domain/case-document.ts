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
  /** Filed by the court's staff (or its scanning), not by a party: with a staff review, what makes it evidence. */
  filedByStaff: boolean;
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

/**
 * A party, or the firm acting for one, files through the online service. Post, email and bulk scanning reach
 * the court's mailroom and are recorded by its staff or its scanning (the system): only they name another
 * channel. A party naming one would put its document in review, and the case's readiness waits for reviews,
 * so either side could hold a case back by filing "by post".
 */
export function assertChannelFor(channel: DocumentChannel, byStaff: boolean): void {
  if (!byStaff && channel !== 'online')
    throw new BadUserInputError('A party files documents online', [
      { field: 'channel', message: 'must be online: post, email and bulk scanning are recorded by the court' },
    ]);
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
