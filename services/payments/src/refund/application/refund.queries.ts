import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '@ccsc/platform';
import type { Refund } from '../domain/refund';
import { RefundRepository } from '../infrastructure/refund.repository';

@Injectable()
export class RefundQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refunds: RefundRepository,
  ) {}

  /** Refunds waiting for an approver, oldest first: the team leaders' queue. */
  async awaitingApproval(limit: number, after?: string): Promise<Page<Refund>> {
    const position = after ? decodeCursor(after, 'cursor') : undefined;
    return toPage(await this.refunds.awaitingApproval(this.dataSource.manager, limit, position), limit);
  }
}
