import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { decodeCursor, NotFoundError, toPage, type Page } from '@ccsc/platform';
import type { EnquiryStatus } from '../domain/enquiry';
import { EnquiryRecord, EnquiryRepository, HistoryRecord, MessageRecord } from '../infrastructure/enquiry.repository';

/** Reading enquiries. Who may see one is decided in SQL (visibilitySql): an enquiry you may not see is "not found". */
@Injectable()
export class EnquiryQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enquiries: EnquiryRepository,
  ) {}

  async get(id: string, principal: Principal): Promise<EnquiryRecord> {
    const found = await this.enquiries.find(this.dataSource.manager, id, principal);
    if (!found) throw new NotFoundError('The enquiry');
    return found;
  }

  async list(principal: Principal, limit: number, after?: string, status?: EnquiryStatus): Promise<Page<EnquiryRecord>> {
    const rows = await this.enquiries.list(this.dataSource.manager, principal, limit, after ? decodeCursor(after) : undefined, status);
    return toPage(rows, limit);
  }

  /** The enquiries of many cases at once, grouped by case in the order asked (for the Case.enquiries DataLoader). */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<EnquiryRecord[][]> {
    const rows = await this.enquiries.forCases(this.dataSource.manager, caseIds, principal);
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

  queues() {
    return this.enquiries.queues(this.dataSource.manager);
  }

  workload() {
    return this.enquiries.workload(this.dataSource.manager);
  }
}
