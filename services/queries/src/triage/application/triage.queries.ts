import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';
import type { TriageDecisionRecord, TriageRule } from '../domain/triage-rule';
import { TriageRepository } from '../infrastructure/triage.repository';

@Injectable()
export class TriageQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly triage: TriageRepository,
    private readonly enquiries: EnquiryQueries,
  ) {}

  /** Every rule, switched off or not, in the order they are tried. */
  rules(): Promise<TriageRule[]> {
    return this.triage.rules(this.dataSource.manager, false);
  }

  /**
   * The triage decisions of an enquiry the caller may see, oldest first. Queues, priorities and articles,
   * nothing of the enquirer: not recorded in the audit trail, nor is the enquiry, which is not shown here.
   */
  async decisions(enquiryId: string, principal: Principal): Promise<TriageDecisionRecord[]> {
    await this.enquiries.visible(enquiryId, principal);
    return this.triage.decisions(this.dataSource.manager, enquiryId);
  }
}
