import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@ccsc/auth';
import { type CursorPosition, joinSql, query, rawSql, sql, type Sql } from '@ccsc/platform';
import { paymentAccessFilter } from '../../payment/infrastructure/payment.repository';
import { containsPattern } from '@ccsc/platform/search';
import type { PaymentSearchFilter } from '../domain/payment-search-criteria';

/** Runs the search statement. Only ids come back: the payments themselves are loaded by PaymentRepository. */
@Injectable()
export class PaymentSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findIds(
    filter: PaymentSearchFilter,
    access: AccessScope,
    limit: number,
    after?: CursorPosition,
  ): Promise<CursorPosition[]> {
    return query<CursorPosition>(this.dataSource, paymentSearchSql(filter, access, limit, after));
  }
}

const AND = ' AND ';
const PAGE_COLUMNS = rawSql('p.id, p.created_at AS "createdAt"');
const NEWEST_FIRST = rawSql('ORDER BY p.created_at DESC, p.id DESC');

/**
 * One page of matching payments, newest first. Each criterion is written as its index expects it
 * (PaymentSearch1735300100000): the reference as `lower(reference)`; the payer through the trigram
 * index on `lower(name)` of the firms' accounts, then the account's payments; amount and method,
 * method alone, and the received day each by an index ending in (created_at, id). The caller's
 * access is a condition of the statement, as for the payments list (paymentAccessFilter).
 */
export function paymentSearchSql(
  filter: PaymentSearchFilter,
  access: AccessScope,
  limit: number,
  after?: CursorPosition,
): Sql {
  const where: Sql[] = [];
  if (filter.reference !== undefined) where.push(sql`lower(p.reference) = lower(${filter.reference})`);
  if (filter.payerWords !== undefined) {
    // The only name a payment's payer has is that of the firm's account it was paid from.
    const name = filter.payerWords.map((word) => sql`lower(a.name) ILIKE ${containsPattern(word)}`);
    where.push(sql`p.account_id IN (SELECT a.id FROM payment_accounts a WHERE ${joinSql(name, AND)})`);
  }
  if (filter.amountPence !== undefined) where.push(sql`p.amount_pence = ${filter.amountPence}`);
  if (filter.method !== undefined) where.push(sql`p.method = ${filter.method}`);
  if (filter.received?.from !== undefined) where.push(sql`p.received_at >= ${filter.received.from}`);
  if (filter.received?.to !== undefined) where.push(sql`p.received_at < ${filter.received.to}`);
  where.push(paymentAccessFilter(access, 'p'));
  if (after) where.push(sql`(p.created_at, p.id) < (${after.createdAt}, ${after.id})`);
  return sql`SELECT ${PAGE_COLUMNS} FROM payments p WHERE ${joinSql(where, AND)} ${NEWEST_FIRST} LIMIT ${limit}`;
}
