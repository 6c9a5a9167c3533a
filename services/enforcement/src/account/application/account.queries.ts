import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isStaff, Principal } from '@ccsc/auth';
import { BadUserInputError, ForbiddenError, NotFoundError, Page, decodeCursor, toPage } from '@ccsc/platform';
import { accountsWhere, findAccount, findAccountByNumber, FineAccount, Imposition, impositionsOf } from '../infrastructure/account.store';
import { isValidAccountNumber, normaliseAccountNumber } from '../domain/account-number';
import { ACCOUNT_STATUSES } from '../domain/fine-account';
import { permittedAfter } from '../../action/domain/enforcement-actions';

export interface AppliedPayment {
  paymentId: string;
  amountPence: number;
  source: string;
  receivedAt: Date;
  reversed: boolean;
}

export interface AccountFilter {
  status?: string;
  businessUnit?: string;
}

/**
 * Reading fine accounts. The defendant's finances are for enforcement and finance staff only;
 * anyone else is refused before anything is read.
 */
@Injectable()
export class AccountQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private assertStaff(principal: Principal) {
    if (!isStaff(principal)) throw new ForbiddenError('Only staff may see fine accounts');
  }

  async get(id: string, principal: Principal): Promise<FineAccount> {
    this.assertStaff(principal);
    const account = await findAccount(this.dataSource.manager, id);
    if (!account) throw new NotFoundError('The fine account');
    return account;
  }

  async getByNumber(typed: string, principal: Principal): Promise<FineAccount> {
    this.assertStaff(principal);
    const account = isValidAccountNumber(typed) ? await findAccountByNumber(this.dataSource.manager, normaliseAccountNumber(typed)) : null;
    if (!account) throw new NotFoundError('The fine account');
    return account;
  }

  async getMany(ids: readonly string[], principal: Principal): Promise<(FineAccount | null)[]> {
    if (!isStaff(principal)) return ids.map(() => null);
    const found = await accountsWhere(this.dataSource.manager, 'a.id = ANY($1::uuid[])', [ids]);
    return ids.map((id) => found.find((a) => a.id === id) ?? null);
  }

  /** Batch form for `Case.fineAccounts`: one query for every case on the page. */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<FineAccount[][]> {
    if (!isStaff(principal)) return caseIds.map(() => []);
    const found = await accountsWhere(this.dataSource.manager, 'a.case_id = ANY($1::uuid[]) ORDER BY a.opened_at, a.id', [caseIds]);
    return caseIds.map((id) => found.filter((a) => a.caseId === id));
  }

  async forDefendant(defendantPartyId: string, principal: Principal): Promise<FineAccount[]> {
    this.assertStaff(principal);
    return accountsWhere(this.dataSource.manager, 'a.defendant_party_id = $1 ORDER BY a.opened_at, a.id', [defendantPartyId]);
  }

  async list(filter: AccountFilter, principal: Principal, limit: number, after?: string): Promise<Page<FineAccount & { createdAt: Date }>> {
    this.assertStaff(principal);
    if (filter.status !== undefined && !(ACCOUNT_STATUSES as readonly string[]).includes(filter.status)) {
      throw new BadUserInputError('Unknown status', [{ field: 'status', message: `must be one of ${ACCOUNT_STATUSES.join(', ')}` }]);
    }
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
    if (filter.businessUnit) where.push(`a.business_unit = $${params.push(filter.businessUnit)}`);
    if (after) {
      const position = decodeCursor(after);
      where.push(`(a.opened_at, a.id) < ($${params.push(position.createdAt)}, $${params.push(position.id)}::uuid)`);
    }
    const rows = await accountsWhere(this.dataSource.manager, `${where.length ? where.join(' AND ') : 'true'} ORDER BY a.opened_at DESC, a.id DESC LIMIT $${params.push(limit + 1)}`, params);
    return toPage(rows.map((a) => ({ ...a, createdAt: a.openedAt })), limit);
  }

  impositions(accountIds: readonly string[]): Promise<Imposition[]> {
    return impositionsOf(this.dataSource.manager, accountIds);
  }

  async payments(accountId: string): Promise<AppliedPayment[]> {
    const rows = (await this.dataSource.query(
      `SELECT payment_id, amount_pence::int AS amount_pence, source, received_at, reversed_at IS NOT NULL AS reversed FROM fine_payments WHERE account_id = $1 ORDER BY received_at, payment_id`,
      [accountId],
    )) as { payment_id: string; amount_pence: number; source: string; received_at: Date; reversed: boolean }[];
    return rows.map((r) => ({ paymentId: r.payment_id, amountPence: r.amount_pence, source: r.source, receivedAt: r.received_at, reversed: r.reversed }));
  }

  async termsHistory(accountId: string): Promise<{ version: number; terms: unknown; reason: string; changedBy: string; changedAt: Date }[]> {
    const rows = (await this.dataSource.query(`SELECT version, terms, reason, changed_by, changed_at FROM payment_terms_history WHERE account_id = $1 ORDER BY version`, [accountId])) as {
      version: number; terms: unknown; reason: string; changed_by: string; changed_at: Date;
    }[];
    return rows.map((r) => ({ version: r.version, terms: r.terms, reason: r.reason, changedBy: r.changed_by, changedAt: r.changed_at }));
  }

  async actions(accountId: string): Promise<{ id: string; action: string; details: Record<string, unknown>; takenBy: string; takenAt: Date }[]> {
    const rows = (await this.dataSource.query(`SELECT id, action, details, taken_by, taken_at FROM enforcement_actions WHERE account_id = $1 ORDER BY taken_at, id`, [accountId])) as {
      id: string; action: string; details: Record<string, unknown>; taken_by: string; taken_at: Date;
    }[];
    return rows.map((r) => ({ id: r.id, action: r.action, details: r.details, takenBy: r.taken_by, takenAt: r.taken_at }));
  }

  permittedActions(account: Pick<FineAccount, 'status' | 'lastAction'>): readonly string[] {
    return account.status === 'live' ? permittedAfter(account.lastAction) : [];
  }
}
