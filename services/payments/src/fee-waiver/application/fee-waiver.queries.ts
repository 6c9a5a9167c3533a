import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startAfter, Page, toPage } from '@ccsc/platform';
import type { FeeWaiver } from '../domain/fee-waiver';
import { FeeWaiverRepository } from '../infrastructure/fee-waiver.repository';

/**
 * Reads of fee waivers. Not recorded in the audit trail: a waiver shows ids, a fee and amounts, and the
 * officers who agreed and decided it, nothing of the complainant (whose complaint the complaints service
 * records as read).
 */
@Injectable()
export class FeeWaiverQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly waivers: FeeWaiverRepository,
  ) {}

  /** Waivers waiting for an approver, oldest first. */
  async awaitingApproval(limit: number, after?: string): Promise<Page<FeeWaiver>> {
    const position = startAfter(after, 'cursor');
    return toPage(await this.waivers.awaitingApproval(this.dataSource.manager, limit, position), limit);
  }
}
