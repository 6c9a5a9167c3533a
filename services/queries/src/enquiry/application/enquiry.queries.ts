import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import { accessScopeOf, type Principal } from '@ccsc/auth';
import { startAfter, NotFoundError, toPage, type Page } from '@ccsc/platform';
import type { EnquiryRecord, EnquiryStatus, HistoryRecord, MessageRecord } from '../domain/enquiry';
import { EnquiryRepository, type QueueRecord, type WorkloadRecord } from '../infrastructure/enquiry.repository';

/**
 * Reading enquiries. Who may see one is the caller's access scope, applied in SQL: an enquiry you
 * may not see is "not found". Each read of enquiries, their threads or their history is recorded in
 * the audit trail before it is answered. An enquiry names its contact (a person, or a firm's), not a
 * case party, so the records carry no party ids; and a citizen or firm sees an enquiry as its contact,
 * acting for no party, so none is named as acted for.
 */
@Injectable()
export class EnquiryQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enquiries: EnquiryRepository,
    private readonly audit: AuditTrail,
  ) {}

  async get(id: string, principal: Principal): Promise<EnquiryRecord> {
    const enquiry = await this.visible(id, principal);
    await this.recordShown(principal, [enquiry]);
    return enquiry;
  }

  /**
   * The enquiry if the caller may see it, "not found" otherwise, not recorded as shown: for the reads of
   * its thread, history or triage, which record themselves as what they show, once.
   */
  visible(id: string, principal: Principal): Promise<EnquiryRecord> {
    return this.enquiries.get(this.dataSource.manager, id, accessScopeOf(principal));
  }

  /** Which of these enquiries the caller may see, in one query. Not recorded as shown: nothing of them is. */
  visibleIds(ids: readonly string[], principal: Principal): Promise<Set<string>> {
    return this.enquiries.visibleIds(this.dataSource.manager, ids, accessScopeOf(principal));
  }

  /** The enquiry if the caller may see it: a check (knowledge feedback), so not recorded as shown. */
  async find(id: string, principal: Principal): Promise<EnquiryRecord | undefined> {
    return this.enquiries.find(this.dataSource.manager, id, accessScopeOf(principal));
  }

  async list(
    principal: Principal,
    limit: number,
    after?: string,
    status?: EnquiryStatus,
  ): Promise<Page<EnquiryRecord>> {
    const position = startAfter(after);
    const rows = await this.enquiries.list(this.dataSource.manager, accessScopeOf(principal), limit, position, status);
    const page = toPage(rows, limit);
    // One record for the whole page (not the extra row that only tells there is a next page).
    await this.recordShown(principal, page.items);
    return page;
  }

  /** The enquiries of many cases at once, grouped by case in the order asked (for the Case.enquiries DataLoader). */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<EnquiryRecord[][]> {
    const rows = await this.enquiries.forCases(this.dataSource.manager, caseIds, accessScopeOf(principal));
    // Federation's `Case.enquiries` of a request come here as one batch: one record for them all.
    await this.recordShown(principal, rows);
    return caseIds.map((id) => rows.filter((r) => r.caseId === id));
  }

  async messages(id: string, principal: Principal): Promise<MessageRecord[]> {
    // Not through get(): the thread is recorded as what it is, once, not also as the enquiry.
    const { id: enquiryId } = await this.visible(id, principal);
    const messages = await this.enquiries.messages(this.dataSource.manager, enquiryId);
    await this.audit.read(principal, { recordType: 'enquiry-messages', recordIds: [enquiryId] });
    return messages;
  }

  /** Its history names assisted-digital needs and gives officers' reasons: a read of personal data too. */
  async history(id: string, principal: Principal): Promise<HistoryRecord[]> {
    const { id: enquiryId } = await this.visible(id, principal);
    const history = await this.enquiries.history(this.dataSource.manager, enquiryId);
    await this.audit.read(principal, { recordType: 'enquiry-history', recordIds: [enquiryId] });
    return history;
  }

  /** A queue's unassigned enquiries, in next-task order: officers only (the routes' roles), so no access scope. */
  async queue(queueId: string, limit: number, principal: Principal): Promise<EnquiryRecord[]> {
    if (!(await this.enquiries.queueExists(this.dataSource.manager, queueId))) throw new NotFoundError('The queue');
    const enquiries = await this.enquiries.queue(this.dataSource.manager, queueId, limit);
    await this.recordShown(principal, enquiries);
    return enquiries;
  }

  /** Counts per queue: nobody's personal data, so not recorded. */
  queues(): Promise<QueueRecord[]> {
    return this.enquiries.queues(this.dataSource.manager);
  }

  /** Counts per officer: nobody's personal data, so not recorded. */
  workload(): Promise<WorkloadRecord[]> {
    return this.enquiries.workload(this.dataSource.manager);
  }

  /** The audit trail's record that the caller was shown these enquiries: one record for them all. */
  async recordShown(principal: Principal, enquiries: readonly EnquiryRecord[]): Promise<void> {
    await this.audit.read(principal, { recordType: 'enquiry', recordIds: enquiries.map((e) => e.id) });
  }
}
