import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { startAfter, Page, toPage } from '@ccsc/platform';
import { PaymentQueries, type PaymentView } from '../../payment/application/payment.queries';
import { paymentScope } from '../../payment/domain/payment-visibility';
import { PaymentRepository } from '../../payment/infrastructure/payment.repository';
import { PaymentSearchCriteria, toSearchFilter } from '../domain/payment-search-criteria';
import { PaymentSearchRepository } from '../infrastructure/payment-search.repository';

/**
 * Payment search: the payments the caller may see (the payments list's rule) that match every given
 * criterion, newest first, a page at a time. The same views as every other read of payments, so the
 * API returns the same PaymentModel, and the same record in the audit trail: one for the page.
 */
@Injectable()
export class PaymentSearch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: PaymentSearchRepository,
    private readonly payments: PaymentRepository,
    private readonly shown: PaymentQueries,
  ) {}

  /**
   * @param first page size, already checked by the API (pageSize).
   * @param after a cursor from a previous page; `cursorField` names it in errors (`after` in GraphQL, `cursor` in REST).
   */
  async searchPayments(
    criteria: PaymentSearchCriteria,
    principal: Principal,
    first: number,
    after?: string,
    cursorField = 'after',
  ): Promise<Page<PaymentView>> {
    const filter = toSearchFilter(criteria);
    const position = startAfter(after, cursorField);
    // One more than asked: its presence is what tells toPage there is a next page.
    const rows = await this.search.findIds(filter, paymentScope(principal), first + 1, position);
    const found = await this.payments.byIds(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    const byId = new Map(found.map((p) => [p.id, p]));
    const page = toPage(
      rows.flatMap((r) => byId.get(r.id) ?? []),
      first,
    );
    // Recorded as the list records its page: one read naming every payment shown (not the extra row).
    return { items: await this.shown.shown(principal, page.items), nextCursor: page.nextCursor };
  }
}
