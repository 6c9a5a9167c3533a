import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';
import { LANGUAGES } from '../../case/domain/party';

export const DOCUMENT_CHANNELS = ['online', 'bulk-scan', 'email', 'post'] as const;
export type DocumentChannel = (typeof DOCUMENT_CHANNELS)[number];
/** The language a document is written in: English or Welsh. */
export const DOCUMENT_LANGUAGES = LANGUAGES;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
export type DocumentStatus = 'accepted' | 'pending-review' | 'rejected';
/** Who besides the court reads a document: every party once it is accepted, or only the side it is filed for. */
export const DOCUMENT_SHARING = ['parties', 'court'] as const;
export type DocumentSharing = (typeof DOCUMENT_SHARING)[number];

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
  /** `court`: for the court and the side it is filed for only (a confidential address, a medical report). */
  sharedWith: DocumentSharing;
  /** The parties it is filed for: the filer's own (a party's, its firm's), or the one staff named; may be none. */
  filedFor: string[];
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

/** Who reads: the court's staff, or whoever acts for these parties of the case (none for the other side). */
export type DocumentReader = { staff: true } | { staff: false; partyIds: readonly string[] };

/** Who besides staff reads a document: every party on the case, the parties it is filed for, or nobody. */
export type DocumentAudience =
  { kind: 'everyone' } | { kind: 'parties'; partyIds: readonly string[] } | { kind: 'staff' };

/**
 * The one rule for who reads a document of a case (and the timeline's entries about it). Staff read every one; the
 * side it is filed for reads its own papers whatever their state; anyone else on the case reads it once the court
 * has accepted it, unless it is shared with the court only. An opponent is not a party to the other side's papers
 * before that: a scan in review or one rejected is not on the record, and a confidential address never is.
 */
export function documentAudience(
  document: Pick<CaseDocument, 'sharedWith' | 'filedFor'>,
  accepted: boolean,
): DocumentAudience {
  if (accepted && document.sharedWith === 'parties') return { kind: 'everyone' };
  return document.filedFor.length ? { kind: 'parties', partyIds: document.filedFor } : { kind: 'staff' };
}

export function mayReadDocument(reader: DocumentReader, document: CaseDocument): boolean {
  if (reader.staff) return true;
  const audience = documentAudience(document, document.status === 'accepted');
  if (audience.kind === 'everyone') return true;
  return audience.kind === 'parties' && audience.partyIds.some((id) => reader.partyIds.includes(id));
}

/**
 * The parties a document is filed for: a party's side files for the parties it acts for (one of them when
 * it names it); staff for the party they name, or for none (the court's own papers).
 */
export function filedFor(
  reader: DocumentReader,
  forPartyId: string | undefined,
  caseParties: readonly string[],
): string[] {
  if (forPartyId === undefined) return reader.staff ? [] : [...reader.partyIds];
  const ours = reader.staff ? caseParties : reader.partyIds;
  if (!ours.includes(forPartyId))
    throw new BadUserInputError('The document is not filed for a party you may file for', [
      { field: 'forPartyId', message: reader.staff ? 'is not a party of the case' : 'is not a party you act for' },
    ]);
  return [forPartyId];
}

export function review(
  document: CaseDocument,
  decision: 'accepted' | 'rejected',
  reason: string | undefined,
  reviewer: string,
  now: Date,
  sharedWith: DocumentSharing = document.sharedWith,
): CaseDocument {
  if (document.status !== 'pending-review') throw new ConflictError(`The document was already ${document.status}`);
  if (decision === 'rejected' && !reason?.trim())
    throw new BadUserInputError('A rejection needs a reason', [
      { field: 'reason', message: 'is required when rejecting' },
    ]);
  return {
    ...document,
    status: decision,
    sharedWith,
    ...(decision === 'rejected' ? { rejectionReason: reason?.trim() } : {}),
    reviewedBy: reviewer,
    reviewedAt: now,
  };
}
