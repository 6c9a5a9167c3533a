import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { londonInstant, type LocalDate } from '@ccsc/calendar';
import { CaseAccess } from '@ccsc/case-access';
import { BadUserInputError, decodeCursor, startAfter, encodeCursor, NotFoundError, type Page } from '@ccsc/platform';
import type { LedgerAccountKind, LedgerBalance, LedgerEntry } from '../domain/ledger';
import { LedgerRepository, type EntryPosition } from '../infrastructure/ledger.repository';

/** A ledger account's name as a cursor may hold it: what the column holds, without control characters. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const ACCOUNT = /^[^\u0000-\u001F\u007F]{1,80}$/;

/**
 * The ledger as finance officers read it: the entries of an account or of a case, and each account's
 * balance at the end of a London day.
 */
@Injectable()
export class LedgerEntryQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly caseAccess: CaseAccess,
  ) {}

  /** An account's entries, oldest first. */
  async accountEntries(account: string, limit: number, cursor?: string): Promise<Page<LedgerEntry>> {
    const rows = await this.ledger.entries(this.dataSource.manager, account, limit, entryPosition(cursor));
    return entryPage(rows, limit);
  }

  /** A case's entries, oldest first: its service request's movements and those of its payments and refunds. */
  async caseEntries(caseId: string, limit: number, cursor?: string): Promise<Page<LedgerEntry>> {
    const position = entryPosition(cursor);
    if (!(await this.caseAccess.exists(caseId))) throw new NotFoundError('The case');
    return entryPage(await this.ledger.caseEntries(this.dataSource.manager, caseId, limit, position), limit);
  }

  /** The balance of each account (of a kind, when given) at the end of a London day, in account order. */
  async balancesAt(
    date: LocalDate,
    kind: LedgerAccountKind | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<LedgerBalance>> {
    const end = londonInstant(date, '24:00');
    // The cursor is the platform's, holding the day's end and the last account: one from another day is refused.
    const from = startAfter(cursor, 'cursor', (id) => ACCOUNT.test(id));
    if (from && from.createdAt.getTime() !== end.getTime()) {
      throw new BadUserInputError('The cursor is for another day', [
        { field: 'cursor', message: 'is for another day' },
      ]);
    }
    const rows = await this.ledger.balancesBefore(this.dataSource.manager, end, kind, limit, from?.id);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: end, id: last.account }) : null;
    return { items, nextCursor };
  }
}

/** Where a page of entries starts: after the entry the cursor names (ids are the ledger's bigint positions). */
function entryPosition(cursor: string | undefined): EntryPosition | undefined {
  if (cursor === undefined) return undefined;
  const { createdAt, id } = decodeCursor(cursor, 'cursor', (position) => /^\d{1,18}$/.test(position));
  if (createdAt.getUTCFullYear() < 1970) {
    throw new BadUserInputError('The cursor is not one this API issued', [
      { field: 'cursor', message: 'is not a valid cursor' },
    ]);
  }
  return { occurredAt: createdAt, id };
}

function entryPage(rows: LedgerEntry[], limit: number): Page<LedgerEntry> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.occurredAt, id: last.id }) : null;
  return { items, nextCursor };
}
