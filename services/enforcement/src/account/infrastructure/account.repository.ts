import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FineAccountType, ImpositionKind } from '@ccsc/contracts';
import type { LocalDate } from '@ccsc/calendar';
import { and, execute, joinSql, query, queryOne, Queryable, rawSql, Sql, sql } from '@ccsc/platform';
import type { AccountStatus, FineAccount, Imposition } from '../domain/fine-account';
import type { Frequency, PaymentTerms } from '../../terms/domain/payment-terms';
import type { ActionId } from '../../action/domain/enforcement-actions';

/** The terms columns: the CHECK constraints of fine_accounts keep each kind's own columns filled. */
type TermsRow =
  | { terms_kind: 'pay-by-date'; pay_by: LocalDate }
  | {
      terms_kind: 'instalments';
      frequency: Frequency;
      instalment_pence: number;
      first_instalment: LocalDate;
      lump_sum_pence: number | null;
      lump_sum_due: LocalDate;
    };

type AccountRow = TermsRow & {
  id: string;
  account_number: string;
  account_type: FineAccountType;
  status: AccountStatus;
  business_unit: string;
  case_id: string | null;
  defendant_party_id: string | null;
  imposing_court: string | null;
  enforcement_path: string;
  imposed_pence: number;
  paid_pence: number;
  written_off_pence: number;
  terms_version: number;
  credited_before_terms_pence: number;
  defaulted_on: LocalDate | null;
  arrears_pence: number | null;
  last_action: ActionId | null;
  last_action_on: LocalDate | null;
  on_hold: boolean;
  consolidated_into: string | null;
  opened_at: Date;
};

interface ImpositionRow {
  id: string;
  account_id: string;
  seq: number;
  kind: ImpositionKind;
  creditor: string;
  priority: number;
  amount_pence: number;
  paid_pence: number;
  written_off_pence: number;
  imposed_at: Date;
}

interface TermsHistoryRow {
  version: number;
  terms: PaymentTerms;
  reason: string;
  changed_by: string;
  changed_at: Date;
}

const ACCOUNT_COLUMNS = rawSql(`a.id, a.account_number, a.account_type, a.status, a.business_unit, a.case_id,
  a.defendant_party_id, a.imposing_court, a.enforcement_path, a.imposed_pence::int AS imposed_pence, a.paid_pence::int AS paid_pence,
  a.written_off_pence::int AS written_off_pence, a.terms_kind, to_char(a.pay_by, 'YYYY-MM-DD') AS pay_by, a.frequency,
  a.instalment_pence::int AS instalment_pence, to_char(a.first_instalment, 'YYYY-MM-DD') AS first_instalment,
  a.lump_sum_pence::int AS lump_sum_pence, to_char(a.lump_sum_due, 'YYYY-MM-DD') AS lump_sum_due, a.terms_version,
  a.credited_before_terms_pence::int AS credited_before_terms_pence,
  to_char(a.defaulted_on, 'YYYY-MM-DD') AS defaulted_on, a.arrears_pence::int AS arrears_pence, a.last_action,
  to_char(a.last_action_on, 'YYYY-MM-DD') AS last_action_on, a.on_hold, a.consolidated_into, a.opened_at`);

function termsOf(row: TermsRow): PaymentTerms {
  if (row.terms_kind === 'pay-by-date') return { kind: 'pay-by-date', payBy: row.pay_by };
  return {
    kind: 'instalments',
    frequency: row.frequency,
    instalmentPence: row.instalment_pence,
    firstInstalment: row.first_instalment,
    ...(row.lump_sum_pence !== null ? { lumpSumPence: row.lump_sum_pence, lumpSumDue: row.lump_sum_due } : {}),
  };
}

function accountOf(row: AccountRow): FineAccount {
  return {
    id: row.id,
    accountNumber: row.account_number,
    accountType: row.account_type,
    status: row.status,
    businessUnit: row.business_unit,
    caseId: row.case_id,
    defendantPartyId: row.defendant_party_id,
    imposingCourt: row.imposing_court,
    enforcementPath: row.enforcement_path,
    imposedPence: row.imposed_pence,
    paidPence: row.paid_pence,
    writtenOffPence: row.written_off_pence,
    balancePence: row.imposed_pence - row.paid_pence - row.written_off_pence,
    terms: termsOf(row),
    termsVersion: row.terms_version,
    creditedBeforeTermsPence: row.credited_before_terms_pence,
    defaultedOn: row.defaulted_on,
    arrearsPence: row.arrears_pence,
    lastAction: row.last_action,
    lastActionOn: row.last_action_on,
    onHold: row.on_hold,
    consolidatedInto: row.consolidated_into,
    openedAt: row.opened_at,
  };
}

function impositionOf(r: ImpositionRow): Imposition {
  return {
    id: r.id,
    accountId: r.account_id,
    seq: r.seq,
    kind: r.kind,
    creditor: r.creditor,
    priority: r.priority,
    amountPence: r.amount_pence,
    paidPence: r.paid_pence,
    writtenOffPence: r.written_off_pence,
    imposedAt: r.imposed_at,
  };
}

/** The current terms as the values of their columns, in the order TERMS_COLUMNS names them. */
function termsValues(terms: PaymentTerms): unknown[] {
  return terms.kind === 'pay-by-date'
    ? ['pay-by-date', terms.payBy, null, null, null, null, null]
    : [
        'instalments',
        null,
        terms.frequency,
        terms.instalmentPence,
        terms.firstInstalment,
        terms.lumpSumPence ?? null,
        terms.lumpSumDue ?? null,
      ];
}
const TERMS_COLUMNS = [
  'terms_kind',
  'pay_by',
  'frequency',
  'instalment_pence',
  'first_instalment',
  'lump_sum_pence',
  'lump_sum_due',
];

export interface NewAccount {
  id: string;
  accountNumber: string;
  accountType: FineAccountType;
  businessUnit: string;
  caseId: string | null;
  resultId: string | null;
  defendantPartyId: string | null;
  penaltyReference: string | null;
  imposingCourt: string | null;
  enforcementPath: string;
  imposedPence: number;
  openedAt: Date;
  terms: PaymentTerms;
}

export interface NewImposition {
  kind: ImpositionKind;
  creditor: string;
  priority: number;
  amountPence: number;
}

export interface TermsHistoryEntry {
  version: number;
  terms: PaymentTerms;
  reason: string;
  changedBy: string;
  changedAt: Date;
}

export interface AccountListFilter {
  status?: string;
  businessUnit?: string;
  /** The position of the last account of the previous page (newest first). */
  after?: { createdAt: Date; id: string };
}

/** Fine accounts with their impositions and terms history; writes take the transaction's EntityManager. */
@Injectable()
export class AccountRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Accounts matching a condition over `a` (an ordering or locking clause may follow it). */
  async where(condition: Sql, runner: Queryable = this.dataSource): Promise<FineAccount[]> {
    const rows = await query<AccountRow>(
      runner,
      sql`SELECT ${ACCOUNT_COLUMNS} FROM fine_accounts a WHERE ${condition}`,
    );
    return rows.map(accountOf);
  }

  private async one(condition: Sql, runner: Queryable): Promise<FineAccount | undefined> {
    const [account] = await this.where(condition, runner);
    return account;
  }

  find(id: string, runner: Queryable = this.dataSource): Promise<FineAccount | undefined> {
    return this.one(sql`a.id = ${id}`, runner);
  }

  findForUpdate(manager: EntityManager, id: string): Promise<FineAccount | undefined> {
    return this.one(sql`a.id = ${id} FOR UPDATE`, manager);
  }

  findByNumber(accountNumber: string, runner: Queryable = this.dataSource): Promise<FineAccount | undefined> {
    return this.one(sql`a.account_number = ${accountNumber}`, runner);
  }

  findByNumberForUpdate(manager: EntityManager, accountNumber: string): Promise<FineAccount | undefined> {
    return this.one(sql`a.account_number = ${accountNumber} FOR UPDATE`, manager);
  }

  findMany(ids: readonly string[]): Promise<FineAccount[]> {
    return this.where(sql`a.id = ANY(${ids}::uuid[])`);
  }

  /** Locked in id order, so two transactions locking overlapping sets never deadlock. */
  findManyForUpdate(manager: EntityManager, ids: readonly string[]): Promise<FineAccount[]> {
    return this.where(sql`a.id = ANY(${ids}::uuid[]) ORDER BY a.id FOR UPDATE`, manager);
  }

  ofCases(caseIds: readonly string[]): Promise<FineAccount[]> {
    return this.where(sql`a.case_id = ANY(${caseIds}::uuid[]) ORDER BY a.opened_at, a.id`);
  }

  ofDefendants(defendantPartyIds: readonly string[]): Promise<FineAccount[]> {
    return this.where(sql`a.defendant_party_id = ANY(${defendantPartyIds}::uuid[]) ORDER BY a.opened_at, a.id`);
  }

  /** Newest first; one more than `limit` when there is a next page. */
  list(filter: AccountListFilter, limit: number): Promise<FineAccount[]> {
    const { status, businessUnit, after } = filter;
    const condition = and([
      status ? sql`a.status = ${status}` : undefined,
      businessUnit ? sql`a.business_unit = ${businessUnit}` : undefined,
      after ? sql`(a.opened_at, a.id) < (${after.createdAt}, ${after.id}::uuid)` : undefined,
    ]);
    return this.where(sql`${condition} ORDER BY a.opened_at DESC, a.id DESC LIMIT ${limit + 1}`);
  }

  async nextAccountNumber(manager: EntityManager): Promise<number> {
    const row = await queryOne<{ n: number }>(manager, sql`SELECT nextval('fine_account_numbers')::int AS n`);
    if (!row) throw new Error('The fine account number sequence returned nothing');
    return row.n;
  }

  /** False when an account for the same result or penalty exists already (their UNIQUE keys). */
  async insert(manager: EntityManager, a: NewAccount): Promise<boolean> {
    const inserted = await query<{ id: string }>(
      manager,
      sql`INSERT INTO fine_accounts (id, account_number, account_type, business_unit, case_id, result_id,
            defendant_party_id, penalty_reference, imposing_court, enforcement_path, imposed_pence, opened_at,
            ${rawSql(TERMS_COLUMNS.join(', '))})
          VALUES (${a.id}, ${a.accountNumber}, ${a.accountType}, ${a.businessUnit}, ${a.caseId}, ${a.resultId},
            ${a.defendantPartyId}, ${a.penaltyReference}, ${a.imposingCourt}, ${a.enforcementPath}, ${a.imposedPence}, ${a.openedAt},
            ${joinSql(termsValues(a.terms).map((v) => sql`${v}`))})
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    return inserted.length > 0;
  }

  /** The impositions, numbered in the order given. */
  async addImpositions(
    manager: EntityManager,
    accountId: string,
    impositions: readonly NewImposition[],
    imposedAt: Date,
  ): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
          SELECT gen_random_uuid(), ${accountId}, s, k, c, p, a, ${imposedAt}
            FROM unnest(${impositions.map((_, i) => i)}::int[], ${impositions.map((i) => i.kind)}::varchar[],
                        ${impositions.map((i) => i.creditor)}::varchar[], ${impositions.map((i) => i.priority)}::int[],
                        ${impositions.map((i) => i.amountPence)}::bigint[]) AS t(s, k, c, p, a)`,
    );
  }

  async impositionsOf(accountIds: readonly string[], runner: Queryable = this.dataSource): Promise<Imposition[]> {
    return (await query<ImpositionRow>(runner, this.impositionsQuery(accountIds))).map(impositionOf);
  }

  async impositionsForUpdate(manager: EntityManager, accountId: string): Promise<Imposition[]> {
    const rows = await query<ImpositionRow>(manager, sql`${this.impositionsQuery([accountId])} FOR UPDATE`);
    return rows.map(impositionOf);
  }

  private impositionsQuery(accountIds: readonly string[]): Sql {
    return sql`SELECT id, account_id, seq, kind, creditor, priority, amount_pence::int AS amount_pence,
                      paid_pence::int AS paid_pence, written_off_pence::int AS written_off_pence, imposed_at
                 FROM fine_impositions WHERE account_id = ANY(${accountIds}::uuid[])
                ORDER BY account_id, priority, imposed_at, seq`;
  }

  /**
   * New terms are a fresh start against the schedule for what is left (`AccountStanding`): what has been
   * credited so far is where they start from, and the account leaves default.
   */
  async changeTerms(manager: EntityManager, accountId: string, version: number, terms: PaymentTerms): Promise<void> {
    const values = termsValues(terms);
    const assignments = joinSql(TERMS_COLUMNS.map((column, i) => sql`${rawSql(column)} = ${values[i]}`));
    await execute(
      manager,
      sql`UPDATE fine_accounts
             SET ${assignments}, terms_version = ${version}, credited_before_terms_pence = paid_pence + written_off_pence,
                 defaulted_on = NULL, arrears_pence = NULL, path_step = NULL
           WHERE id = ${accountId}`,
    );
  }

  async addTermsHistory(manager: EntityManager, accountId: string, entry: TermsHistoryEntry): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO payment_terms_history (account_id, version, terms, reason, changed_by, changed_at)
          VALUES (${accountId}, ${entry.version}, ${JSON.stringify(entry.terms)}, ${entry.reason}, ${entry.changedBy},
                  ${entry.changedAt})`,
    );
  }

  async termsHistory(accountId: string): Promise<TermsHistoryEntry[]> {
    const rows = await query<TermsHistoryRow>(
      this.dataSource,
      sql`SELECT version, terms, reason, changed_by, changed_at
            FROM payment_terms_history WHERE account_id = ${accountId} ORDER BY version`,
    );
    return rows.map((r) => ({
      version: r.version,
      terms: r.terms,
      reason: r.reason,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
    }));
  }

  /** The last action and whether it holds enforcement. */
  async recordAction(
    manager: EntityManager,
    accountId: string,
    action: ActionId,
    on: LocalDate,
    holds: boolean,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fine_accounts SET last_action = ${action}, last_action_on = ${on}, on_hold = ${holds}
           WHERE id = ${accountId}`,
    );
  }

  /** A fixed penalty unpaid in time: half the registered fine again is added to what is owed. */
  async increaseFixedPenalty(manager: EntityManager, accountId: string, imposedAt: Date): Promise<void> {
    await execute(
      manager,
      sql`WITH fine AS (
            SELECT COALESCE(sum(amount_pence), 0) / 2 AS increase
              FROM fine_impositions WHERE account_id = ${accountId} AND kind = 'fine'
          ), added AS (
            INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
            SELECT gen_random_uuid(), ${accountId},
                   (SELECT max(seq) + 1 FROM fine_impositions WHERE account_id = ${accountId}),
                   'fine', 'central-funds', 6, increase, ${imposedAt}
              FROM fine WHERE increase > 0 RETURNING amount_pence
          )
          UPDATE fine_accounts SET imposed_pence = imposed_pence + COALESCE((SELECT amount_pence FROM added), 0)
           WHERE id = ${accountId}`,
    );
  }

  /** What a payment took: the paid figure rises, and an account with nothing left to pay is paid. */
  async addPaid(manager: EntityManager, accountId: string, amountPence: number, balancePence: number): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fine_accounts SET paid_pence = paid_pence + ${amountPence},
                 status = CASE WHEN ${balancePence}::bigint = 0 THEN 'paid' ELSE status END
           WHERE id = ${accountId}`,
    );
  }

  /**
   * A payment taken back: a paid account becomes live again. One applied before the current terms were set
   * was counted in what they started from (`credited_before_terms_pence`): it comes off that too, so it joins
   * what the terms pay rather than cancelling payments made under them. The account's number, case, status
   * and new balance.
   */
  async takeBackPaid(
    manager: EntityManager,
    accountId: string,
    amountPence: number,
    applied: { at: Date; termsVersion: number | null },
  ): Promise<{ accountNumber: string; caseId: string | null; status: AccountStatus; balancePence: number }> {
    const row = await queryOne<{
      account_number: string;
      case_id: string | null;
      status: AccountStatus;
      balance: number;
    }>(
      manager,
      sql`UPDATE fine_accounts a
             SET paid_pence = paid_pence - ${amountPence}, status = CASE WHEN status = 'paid' THEN 'live' ELSE status END,
                 credited_before_terms_pence = CASE
                   WHEN COALESCE(${applied.termsVersion}::int < a.terms_version,
                                 ${applied.at}::timestamptz < (SELECT h.changed_at FROM payment_terms_history h
                                                               WHERE h.account_id = a.id AND h.version = a.terms_version))
                   THEN GREATEST(credited_before_terms_pence - ${amountPence}, 0)
                   ELSE credited_before_terms_pence END
           WHERE id = ${accountId}
       RETURNING account_number, case_id, status, (imposed_pence - paid_pence - written_off_pence)::int AS balance`,
    );
    if (!row) throw new Error(`Fine account ${accountId} disappeared while a payment of it was taken back`);
    return { accountNumber: row.account_number, caseId: row.case_id, status: row.status, balancePence: row.balance };
  }

  /**
   * What a payment taken back from an account since consolidated had paid is owed again, and consolidation
   * moved only what was owed then: it goes on to the account at the end of the consolidations, as impositions
   * of what each line of the payment had paid (kind, creditor, priority and date, so later payments keep
   * their order), as consolidation copies them; a paid account there is live again (a written-off one stays
   * written off, for an officer to decide, as when a payment is taken back from it directly). That account's
   * id and new balance.
   */
  async carryOnTakenBack(
    manager: EntityManager,
    sourceId: string,
    applicationId: string,
  ): Promise<{ accountId: string; balancePence: number }> {
    const targetId = await this.endOfConsolidations(manager, sourceId);
    const row = await queryOne<{ id: string; balance: number }>(
      manager,
      sql`WITH lines AS (
            SELECT i.kind, i.creditor, i.priority, i.imposed_at, l.amount_pence,
                   row_number() OVER (ORDER BY i.priority, i.imposed_at, i.seq) AS n
              FROM fine_payment_lines l JOIN fine_impositions i ON i.id = l.imposition_id
             WHERE l.application_id = ${applicationId}
          ), copied AS (
            INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
            SELECT gen_random_uuid(), ${targetId}, (SELECT max(seq) FROM fine_impositions WHERE account_id = ${targetId}) + l.n,
                   l.kind, l.creditor, l.priority, l.amount_pence, l.imposed_at
              FROM lines l
            RETURNING amount_pence
          )
          UPDATE fine_accounts
             SET imposed_pence = imposed_pence + (SELECT COALESCE(sum(amount_pence), 0) FROM copied),
                 status = CASE WHEN status = 'paid' THEN 'live' ELSE status END
           WHERE id = ${targetId}
       RETURNING id, (imposed_pence - paid_pence - written_off_pence)::int AS balance`,
    );
    if (!row) throw new Error(`Fine account ${targetId} disappeared while a payment was carried on to it`);
    return { accountId: row.id, balancePence: row.balance };
  }

  /**
   * The account at the end of an account's consolidations, locked: followed again should it have been
   * consolidated itself while its lock was awaited. Consolidations are a chain of at most a few, never a loop.
   */
  private async endOfConsolidations(manager: EntityManager, accountId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const end = await queryOne<{ id: string }>(
        manager,
        sql`WITH RECURSIVE chain AS (
              SELECT id, consolidated_into, 0 AS depth FROM fine_accounts WHERE id = ${accountId}
              UNION ALL
              SELECT a.id, a.consolidated_into, c.depth + 1
                FROM fine_accounts a JOIN chain c ON a.id = c.consolidated_into WHERE c.depth < 20
            ) SELECT id FROM chain WHERE consolidated_into IS NULL`,
      );
      if (!end) break;
      const locked = await queryOne<{ consolidated_into: string | null }>(
        manager,
        sql`SELECT consolidated_into FROM fine_accounts WHERE id = ${end.id} FOR UPDATE`,
      );
      if (locked && locked.consolidated_into === null) return end.id;
    }
    throw new Error(`Fine account ${accountId} is consolidated into no account that can be found`);
  }

  /** An approved write-off: an account with nothing left to pay is written off. */
  async addWrittenOff(
    manager: EntityManager,
    accountId: string,
    amountPence: number,
    balancePence: number,
  ): Promise<void> {
    await execute(
      manager,
      sql`UPDATE fine_accounts SET written_off_pence = written_off_pence + ${amountPence},
                 status = CASE WHEN ${balancePence}::bigint = 0 THEN 'written-off' ELSE status END
           WHERE id = ${accountId}`,
    );
  }

  /** Spreads an approved write-off over the impositions, as `allocateWriteOff` decided. */
  async writeOffImpositions(
    manager: EntityManager,
    lines: readonly { impositionId: string; amountPence: number }[],
  ): Promise<void> {
    if (lines.length === 0) return;
    await execute(
      manager,
      sql`UPDATE fine_impositions i SET written_off_pence = i.written_off_pence + l.amount
            FROM unnest(${lines.map((l) => l.impositionId)}::uuid[], ${lines.map((l) => l.amountPence)}::bigint[])
                 AS l(id, amount)
           WHERE i.id = l.id`,
    );
  }

  /** Everything written off on the account and on the accounts consolidated into it, however deep. */
  async writtenOffIncludingConsolidated(manager: EntityManager, accountId: string): Promise<number> {
    const row = await queryOne<{ w: string }>(
      manager,
      sql`WITH RECURSIVE merged AS (
            SELECT id, written_off_pence FROM fine_accounts WHERE id = ${accountId}
            UNION ALL SELECT a.id, a.written_off_pence FROM fine_accounts a JOIN merged m ON a.consolidated_into = m.id
          ) SELECT COALESCE(sum(written_off_pence), 0)::bigint AS w FROM merged`,
    );
    return Number(row?.w ?? 0);
  }

  /**
   * Moves what the sources still owe onto the target and closes them as consolidated into it; the
   * target's new balance. What each imposition still owes (after payments and write-offs) is copied, in
   * the order payments take them, never more than the account's balance (they are equal since
   * write-offs are spread over the impositions; the bound keeps older data right too).
   */
  async consolidate(manager: EntityManager, targetId: string, sourceIds: readonly string[]): Promise<number> {
    const row = await queryOne<{ balance: number }>(
      manager,
      sql`WITH outstanding AS (
            SELECT i.*, i.amount_pence - i.paid_pence - i.written_off_pence AS left_pence,
                   a.imposed_pence - a.paid_pence - a.written_off_pence AS balance,
                   sum(i.amount_pence - i.paid_pence - i.written_off_pence) OVER (
                     PARTITION BY i.account_id ORDER BY i.priority, i.imposed_at, i.seq ROWS UNBOUNDED PRECEDING
                   ) AS upto
              FROM fine_impositions i JOIN fine_accounts a ON a.id = i.account_id
             WHERE i.account_id = ANY(${sourceIds}::uuid[]) AND i.amount_pence > i.paid_pence + i.written_off_pence
          ), owed AS (
            SELECT o.*, LEAST(o.left_pence, o.balance - (o.upto - o.left_pence)) AS owed_pence,
                   row_number() OVER (ORDER BY o.imposed_at, o.account_id, o.seq) AS n
              FROM outstanding o WHERE o.upto - o.left_pence < o.balance
          ), copied AS (
            INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
            SELECT gen_random_uuid(), ${targetId},
                   (SELECT max(seq) FROM fine_impositions WHERE account_id = ${targetId}) + o.n,
                   o.kind, o.creditor, o.priority, o.owed_pence, o.imposed_at
              FROM owed o
            RETURNING amount_pence
          ), closed AS (
            UPDATE fine_accounts SET status = 'consolidated', consolidated_into = ${targetId}
             WHERE id = ANY(${sourceIds}::uuid[]) RETURNING id
          )
          UPDATE fine_accounts SET imposed_pence = imposed_pence + (SELECT COALESCE(sum(amount_pence), 0) FROM copied)
           WHERE id = ${targetId} RETURNING (imposed_pence - paid_pence - written_off_pence)::int AS balance`,
    );
    if (!row) throw new Error(`Fine account ${targetId} disappeared while accounts were consolidated into it`);
    return row.balance;
  }
}
