import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, toPage } from '@ccsc/platform';
import type { SuspenseReason } from '../../account/domain/fine-account';
import type { SuspenseItem, SuspenseState } from '../domain/suspense-item';
import { SuspenseRepository } from '../infrastructure/suspense.repository';

export interface SuspenseFilter {
  reason?: SuspenseReason;
  state?: SuspenseState;
}

/** The suspense worklist (the roles that may read it are the API's @Roles: staff only). */
@Injectable()
export class SuspenseQueries {
  constructor(private readonly suspense: SuspenseRepository) {}

  /** Oldest first, so the money waiting longest is worked first. */
  async list(
    filter: SuspenseFilter,
    limit: number,
    after?: string,
    cursorField = 'after',
  ): Promise<Page<SuspenseItem & { createdAt: Date }>> {
    const position = after ? decodeCursor(after, cursorField) : undefined;
    const rows = await this.suspense.list({ ...filter, after: position }, limit);
    return toPage(
      rows.map((s) => ({ ...s, createdAt: s.suspendedAt })),
      limit,
    );
  }
}
