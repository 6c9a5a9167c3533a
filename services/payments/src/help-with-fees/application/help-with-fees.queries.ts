import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { startAfter, Page, toPage } from '@ccsc/platform';
import type { HelpWithFeesApplication } from '../domain/remission';
import { HelpWithFeesRepository } from '../infrastructure/help-with-fees.repository';

/** Reads of Help with Fees applications, each recorded in the audit trail before it is answered: they assess someone's means. */
@Injectable()
export class HelpWithFeesQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: HelpWithFeesRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Applications waiting for staff, oldest first. */
  async awaitingStaff(principal: Principal, limit: number, after?: string): Promise<Page<HelpWithFeesApplication>> {
    const position = startAfter(after, 'cursor');
    const page = toPage(await this.applications.awaitingStaff(this.dataSource.manager, limit, position), limit);
    // One record for the whole page. An application names its case and fee, not a case party (the applicant is
    // whoever applied), so the record carries no party ids.
    await this.audit.read(principal, {
      recordType: 'help-with-fees-application',
      recordIds: page.items.map((a) => a.id),
    });
    return page;
  }
}
