import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accessScopeOf, type Principal } from '@ccsc/auth';
import { decodeCursor, NotFoundError, toPage, type Page } from '@ccsc/platform';
import type { EnquiryRecord, EnquiryStatus, HistoryRecord, MessageRecord } from '../domain/enquiry';
import { EnquiryRepository, type QueueRecord, type WorkloadRecord } from '../infrastructure/enquiry.repository';

/**
 * Reading enquiries. Who may see one is the caller's access scope, applied in SQL: an enquiry you
 * may not see is "not found".
 */
@Injectable()
export class EnquiryQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enquiries: EnquiryRepository,
  ) {}

  async get(id: string, principal: Principal): Promise<EnquiryRecord> {
    return this.enquiries.get(this.dataSource.manager, id, accessScopeOf(principal));
  }

  /** The enquiry if the caller may see it. */
  async find(id: string, principal: Principal): Promise<EnquiryRecord | undefined> {
    return this.enquiries.find(this.dataSource.manager, id, accessScopeOf(principal));
  }

  async list(
    principal: Principal,
    limit: number,
    after?: string,
    status?: EnquiryStatus,
  ): Promise<Page<EnquiryRecord>> {
    const position = after ? decodeCursor(after) : undefined;
    const rows = await this.enquiries.list(this.dataSource.manager, accessScopeOf(principal), limit, position, status);
    return toPage(rows, limit);
  }

  /** The enquiries of many cases at once, grouped by case in the order asked (for the Case.enquiries DataLoader). */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<EnquiryRecord[][]> {
    const rows = await this.enquiries.forCases(this.dataSource.manager, caseIds, accessScopeOf(principal));
    return caseIds.map((id) => rows.filter((r) => r.caseId === id));
  }

  async messages(id: string, principal: Principal): Promise<MessageRecord[]> {
    await this.get(id, principal);
    return this.enquiries.messages(this.dataSource.manager, id);
  }

  async history(id: string, principal: Principal): Promise<HistoryRecord[]> {
    await this.get(id, principal);
    return this.enquiries.history(this.dataSource.manager, id);
  }

  async queue(queueId: string, limit: number): Promise<EnquiryRecord[]> {
    if (!(await this.enquiries.queueExists(this.dataSource.manager, queueId))) throw new NotFoundError('The queue');
    return this.enquiries.queue(this.dataSource.manager, queueId, limit);
  }

  queues(): Promise<QueueRecord[]> {
    return this.enquiries.queues(this.dataSource.manager);
  }

  workload(): Promise<WorkloadRecord[]> {
    return this.enquiries.workload(this.dataSource.manager);
  }
}
