import { ConflictError } from '@ccsc/platform/errors';
import type { EnquiryChannel } from '@ccsc/contracts';
import type { SlaClock } from '../../sla/domain/sla-clock';

export { ENQUIRY_CHANNELS, type EnquiryChannel } from '@ccsc/contracts';

export const ENQUIRY_STATUSES = [
  'new',
  'triaged',
  'assigned',
  'awaiting-customer',
  'escalated',
  'resolved',
  'closed',
] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];

export const ENQUIRY_PRIORITIES = ['normal', 'urgent'] as const;
export type EnquiryPriority = (typeof ENQUIRY_PRIORITIES)[number];

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ESCALATION_TARGETS = ['team-leader', 'judicial'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export const CONTACT_KINDS = ['public', 'professional'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** An enquiry as it is read: with its contact's kind, its queue's team and its SLA clocks. */
export interface EnquiryRecord {
  id: string;
  /** What a caller reads out: ENQ- and seven digits, given by the database. */
  reference: string;
  channel: EnquiryChannel;
  contactId: string;
  contactKind: ContactKind;
  subject: string;
  caseId: string | null;
  category: string | null;
  priority: EnquiryPriority;
  language: Language;
  status: EnquiryStatus;
  queueId: string | null;
  team: string | null;
  assignedTo: string | null;
  escalatedTo: EscalationTarget | null;
  majorPriority: number;
  minorPriority: number;
  priorityDate: Date;
  hearingRelated: boolean;
  receivedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  resolvedFirstContact: boolean | null;
  convertedToComplaintAt: Date | null;
  raisedBy: string;
  createdAt: Date;
  updatedAt: Date;
  clocks: SlaClock[];
}

/** Who an enquiry is from; a citizen's account or a firm makes the contact theirs. */
export interface NewContact {
  kind: ContactKind;
  name: string;
  email?: string;
  phone?: string;
  userId?: string;
  organisationId?: string;
}

export interface MessageRecord {
  id: string;
  enquiryId: string;
  parentId: string | null;
  direction: 'inbound' | 'outbound';
  body: string;
  hearingRelated: boolean;
  author: string;
  createdAt: Date;
}

export interface HistoryRecord {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: Record<string, unknown>;
  reason: string | null;
  actor: string;
  at: Date;
}

/** Statuses in which an enquiry is still someone's work. */
export const OPEN_STATUSES: readonly EnquiryStatus[] = ['new', 'triaged', 'assigned', 'awaiting-customer', 'escalated'];

/**
 * Where each status may go. Resolved can still be reopened (the customer writes back) until it is
 * closed, which is final. Any open enquiry can be closed outright (a duplicate, or one turned into a
 * complaint, whoever holds it). Going to `assigned` or back to `triaged` happens through work
 * allocation (claim, assign, unassign), never through a bare status change.
 */
const NEXT: Readonly<Record<EnquiryStatus, readonly EnquiryStatus[]>> = {
  new: ['triaged', 'assigned', 'escalated', 'resolved', 'closed'],
  triaged: ['assigned', 'escalated', 'resolved', 'closed'],
  assigned: ['triaged', 'awaiting-customer', 'escalated', 'resolved', 'closed'],
  'awaiting-customer': ['assigned', 'resolved', 'closed'],
  escalated: ['assigned', 'triaged', 'resolved', 'closed'],
  resolved: ['assigned', 'triaged', 'closed'],
  closed: [],
};

export function canMove(from: EnquiryStatus, to: EnquiryStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertMove(from: EnquiryStatus, to: EnquiryStatus): void {
  if (canMove(from, to)) return;
  if (from === 'closed') throw new ConflictError('The enquiry is closed');
  if (from === to) throw new ConflictError(`The enquiry is already ${from.replace('-', ' ')}`);
  throw new ConflictError(`An enquiry that is ${from.replace('-', ' ')} cannot become ${to.replace('-', ' ')}`);
}

export function isOpen(status: EnquiryStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/**
 * Where every enquiry in Welsh goes, whatever it is about: the Welsh Language Standards require it to be
 * answered in Welsh without delay, so it goes to the officers who can, not to a subject queue where it waits
 * for one. Triage's matching rule still sets its priority and
 * the articles to signpost.
 */
export const WELSH_QUEUE = 'welsh';

/** A Welsh-language enquiry is answered in Welsh: only an officer with the welsh skill may take it or be given it. */
export function needsWelsh(enquiry: Pick<EnquiryRecord, 'language' | 'queueId'>): boolean {
  return enquiry.language === 'cy' || enquiry.queueId === WELSH_QUEUE;
}

/**
 * Task ordering as in HMCTS work allocation: lower major priority first, then the earlier priority
 * date, then lower minor priority. Defaults are 5000 and 500; urgent work gets major 2000.
 */
export const DEFAULT_MAJOR_PRIORITY = 5000;
export const URGENT_MAJOR_PRIORITY = 2000;
export const DEFAULT_MINOR_PRIORITY = 500;
/** A hearing-related question jumps ahead of others of the same major priority and date. */
export const HEARING_MINOR_PRIORITY = 100;

export interface TaskPriority {
  major: number;
  minor: number;
  date: Date;
}

export function taskPriority(priority: EnquiryPriority, hearingRelated: boolean, date: Date): TaskPriority {
  return {
    major: priority === 'urgent' ? URGENT_MAJOR_PRIORITY : DEFAULT_MAJOR_PRIORITY,
    minor: hearingRelated ? HEARING_MINOR_PRIORITY : DEFAULT_MINOR_PRIORITY,
    date,
  };
}

export function compareTasks(a: TaskPriority, b: TaskPriority): number {
  return a.major - b.major || a.date.getTime() - b.date.getTime() || a.minor - b.minor;
}
