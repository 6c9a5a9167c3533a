import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LocalDate } from '@ccsc/calendar';
import { and, type CursorPosition, execute, query, Queryable, rawSql, Sql, sql } from '@ccsc/platform';
import { Warrant, WARRANT_VALIDITY_DAYS, WarrantChange, WarrantStatus } from '../domain/warrant';

interface WarrantRow {
  id: string;
  account_id: string;
  account_number: string;
  kind: string;
  status: WarrantStatus;
  agent: string | null;
  collected_pence: number | null;
  issued_on: string;
  expires_on: string;
}

export interface WarrantListFilter {
  status?: WarrantStatus;
  /** Only the warrants given to this agency. */
  agent?: string;
  after?: CursorPosition;
}

/** A listed warrant, with its page position and whose account it is (for the audit record). */
export type ListedWarrant = Warrant & { createdAt: Date; defendantPartyId: string | null };

const WARRANT_COLUMNS = rawSql(`w.id, w.account_id, a.account_number, w.kind, w.status, w.agent,
  w.collected_pence::int AS collected_pence, to_char(w.issued_on, 'YYYY-MM-DD') AS issued_on,
  to_char(w.expires_on, 'YYYY-MM-DD') AS expires_on`);

function warrantOf(r: WarrantRow): Warrant {
  return {
    id: r.id,
    accountId: r.account_id,
    accountNumber: r.account_number,
    kind: r.kind,
    status: r.status,
    agent: r.agent,
    collectedPence: r.collected_pence,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
  };
}

export interface NewWarrant {
  id: string;
  accountId: string;
  /** The enforcement action that issued it. */
  actionId: string;
  kind: string;
  issuedOn: LocalDate;
  at: Date;
}

/** Warrants with the number of their account; writes take the transaction's EntityManager. */
@Injectable()
export class WarrantRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private select(condition: Sql, runner: Queryable): Promise<WarrantRow[]> {
    return query<WarrantRow>(
      runner,
      sql`SELECT ${WARRANT_COLUMNS} FROM warrants w JOIN fine_accounts a ON a.id = w.account_id WHERE ${condition}`,
    );
  }

  /** Oldest issued first: of one kind, one a day at most (an action is taken once a day on an account). */
  async ofAccounts(accountIds: readonly string[], runner: Queryable = this.dataSource): Promise<Warrant[]> {
    const rows = await this.select(sql`w.account_id = ANY(${accountIds}::uuid[]) ORDER BY w.issued_on, w.id`, runner);
    return rows.map(warrantOf);
  }

  /** Newest issued first; the cursor's time is the day it was issued. */
  async list(filter: WarrantListFilter, limit: number): Promise<ListedWarrant[]> {
    const { status, agent, after } = filter;
    const condition = and([
      status ? sql`w.status = ${status}` : undefined,
      agent ? sql`w.agent = ${agent}` : undefined,
      after
        ? sql`(w.issued_on, w.id) < (${after.createdAt.toISOString().slice(0, 10)}::date, ${after.id}::uuid)`
        : undefined,
    ]);
    const rows = await query<WarrantRow & { defendant_party_id: string | null }>(
      this.dataSource,
      sql`SELECT ${WARRANT_COLUMNS}, a.defendant_party_id FROM warrants w JOIN fine_accounts a ON a.id = w.account_id
          WHERE ${condition} ORDER BY w.issued_on DESC, w.id DESC LIMIT ${limit + 1}`,
    );
    return rows.map((r) => ({
      ...warrantOf(r),
      createdAt: new Date(`${r.issued_on}T00:00:00Z`),
      defendantPartyId: r.defendant_party_id,
    }));
  }

  async find(manager: EntityManager, id: string): Promise<Warrant | undefined> {
    const [row] = await this.select(sql`w.id = ${id}`, manager);
    return row && warrantOf(row);
  }

  /** Locks the warrant, not its account. */
  async findForUpdate(manager: EntityManager, id: string): Promise<Warrant | undefined> {
    const [row] = await this.select(sql`w.id = ${id} FOR UPDATE OF w`, manager);
    return row && warrantOf(row);
  }

  /** Issued today, in force for WARRANT_VALIDITY_DAYS. */
  async issue(manager: EntityManager, w: NewWarrant): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO warrants (id, account_id, action_id, kind, status, issued_on, expires_on, updated_at)
          VALUES (${w.id}, ${w.accountId}, ${w.actionId}, ${w.kind}, 'issued', ${w.issuedOn}::date,
                  ${w.issuedOn}::date + ${WARRANT_VALIDITY_DAYS}::int, ${w.at})`,
    );
  }

  /**
   * Withdraws the warrants still in force (issued, or with an agent) on those of these accounts that are no
   * longer live; the accounts are locked by the caller's transaction already.
   */
  async withdrawInForceOnClosed(
    manager: EntityManager,
    accountIds: readonly string[],
    at: Date,
  ): Promise<{ id: string; accountId: string }[]> {
    return query<{ id: string; accountId: string }>(
      manager,
      sql`UPDATE warrants w SET status = 'withdrawn', updated_at = ${at}
            FROM fine_accounts a
           WHERE a.id = w.account_id AND w.account_id = ANY(${accountIds}::uuid[])
             AND w.status IN ('issued', 'with-agent') AND a.status <> 'live'
       RETURNING w.id, w.account_id AS "accountId"`,
    );
  }

  async change(manager: EntityManager, id: string, change: WarrantChange, at: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE warrants SET status = ${change.status}, agent = COALESCE(${change.agent ?? null}, agent),
                 collected_pence = ${change.collectedPence ?? null}, updated_at = ${at}
           WHERE id = ${id}`,
    );
  }
}
