import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { startAfter, Page, toPage } from '@ccsc/platform';
import type { SuspenseReason } from '../../account/domain/fine-account';
import type { SuspenseItem, SuspenseState } from '../domain/suspense-item';
import { SuspenseRepository } from '../infrastructure/suspense.repository';

export interface SuspenseFilter {
  reason?: SuspenseReason;
  state?: SuspenseState;
}

/**
 * The suspense worklist (the roles that may read it are the API's @Roles: staff only). An item is a
 * payer's money: what they paid, how and when, and the account number they quoted, so a page of it is
 * recorded in the audit trail. The items name no party, so the record names none.
 */
@Injectable()
export class SuspenseQueries {
  constructor(
    private readonly suspense: SuspenseRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Oldest first, so the money waiting longest is worked first. */
  async list(
    filter: SuspenseFilter,
    principal: Principal,
    limit: number,
    after?: string,
    cursorField = 'after',
  ): Promise<Page<SuspenseItem & { createdAt: Date }>> {
    const position = startAfter(after, cursorField);
    const rows = await this.suspense.list({ ...filter, after: position }, limit);
    const page = toPage(
      rows.map((s) => ({ ...s, createdAt: s.suspendedAt })),
      limit,
    );
    await this.audit.read(principal, { recordType: 'suspense-item', recordIds: page.items.map((s) => s.id) });
    return page;
  }
}
