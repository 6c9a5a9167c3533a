import { type Deadline, type LocalDate, londonLocalDate } from '@ccsc/calendar';
import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';
import type { CaseEventDefinition, CaseTypeDefinition } from '../../case-type/domain/case-type.definition';
import { deadlineInState } from '../../case-type/domain/deadlines';

/** The case-type event that issues the notice; the state it leads to is the one in which representations are made. */
export const MINDED_TO_NOTICE_EVENT = 'issue-minded-to-notice';

export interface IssueMindedToNoticeCommand {
  /** What the caseworker is minded to decide: "Revoke refugee status", "Curtail limited leave". */
  proposedOutcome: string;
  /** Why: the concerns the evidence bears out, as the person is told them. */
  grounds: string;
}

export const REPRESENTATION_MAKERS = ['subject', 'representative'] as const;
export type RepresentationMaker = (typeof REPRESENTATION_MAKERS)[number];

export interface RecordRepresentationsCommand {
  /** The day they reached us (London), YYYY-MM-DD. */
  receivedOn: LocalDate;
  /** The person under review, or their representative. */
  madeBy: RepresentationMaker;
  /** What they say, as the decision must weigh it. */
  summary: string;
}

/** Representations received on a minded-to notice; `late` when received after the day they were due by. */
export interface Representations extends RecordRepresentationsCommand {
  id: string;
  noticeId: string;
  caseId: string;
  late: boolean;
  /** The officer who recorded them: staff's to know, like who made each change in the case's history. */
  recordedBy?: string;
  recordedAt: Date;
}

/**
 * The "minded to" notice: what the caseworker proposes to decide and why, and the day by which the person may
 * make representations (the time the case type gives the notice's state, from the day it is issued, with the
 * calendar version that counted it). One per case; never edited.
 */
export interface MindedToNotice extends IssueMindedToNoticeCommand {
  id: string;
  caseId: string;
  representationsDueOn: LocalDate;
  calendarVersion: string;
  issuedBy: string;
  issuedAt: Date;
  representations: Representations[];
}

/** The event that issues a minded-to notice in this case type; a type without one issues none. */
export function mindedToNoticeEvent(type: CaseTypeDefinition): CaseEventDefinition {
  const event = type.events.find((e) => e.id === MINDED_TO_NOTICE_EVENT);
  if (!event) throw new ConflictError(`A ${type.name.en.toLowerCase()} case has no minded-to notice`);
  return event;
}

/** When representations are due on a notice issued at `issuedAt`: the deadline of the state the notice leads to. */
export function representationsDue(type: CaseTypeDefinition, issuedAt: Date): Deadline {
  const deadline = deadlineInState(
    type,
    { state: mindedToNoticeEvent(type).to, stateEnteredAt: issuedAt, stateUntil: null },
    issuedAt,
  );
  if (!deadline) throw new ConflictError(`A ${type.name.en.toLowerCase()} case gives no time for representations`);
  return deadline.end;
}

/**
 * Representations are recorded while the decision waits on the notice (the case is still in the notice's
 * state: late ones too, as they must still be weighed), and were received on a day from the notice's issue
 * to today.
 */
export function representationsOn(
  notice: Pick<MindedToNotice, 'issuedAt' | 'representationsDueOn'>,
  noticeState: string,
  caseState: string,
  receivedOn: LocalDate,
  now: Date,
): { late: boolean } {
  if (caseState !== noticeState)
    throw new ConflictError(
      `The case is ${caseState}; representations are recorded while the decision waits on the minded-to notice`,
    );
  const issuedOn = londonLocalDate(notice.issuedAt);
  const today = londonLocalDate(now);
  // YYYY-MM-DD strings order as the days do.
  if (receivedOn < issuedOn || receivedOn > today)
    throw new BadUserInputError('Representations are received after the notice and by today', [
      { field: 'receivedOn', message: `must be from ${issuedOn} to ${today}` },
    ]);
  return { late: receivedLate(receivedOn, notice.representationsDueOn) };
}

/** Received after the day representations were due by: still weighed, and said to be late. */
export function receivedLate(receivedOn: LocalDate, dueOn: LocalDate): boolean {
  // YYYY-MM-DD strings order as the days do.
  return receivedOn > dueOn;
}

/** A notice as the person and their representative read it: without the staff who issued it or recorded. */
export type MindedToNoticeAsSeen = Omit<MindedToNotice, 'issuedBy' | 'representations'> & {
  issuedBy?: string;
  representations: Array<Omit<Representations, 'recordedBy'> & { recordedBy?: string }>;
};

/** The notice as the person and their representative read it: staff are not named to them, as in the history. */
export function asSeenByParties({ issuedBy: _issuedBy, ...notice }: MindedToNotice): MindedToNoticeAsSeen {
  return { ...notice, representations: notice.representations.map(({ recordedBy: _recordedBy, ...r }) => r) };
}
