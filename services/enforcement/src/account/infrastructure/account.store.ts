import type { EntityManager } from 'typeorm';
import type { FineAccountType, ImpositionKind } from '@ccsc/contracts';
import type { LocalDate } from '@ccsc/calendar';
import type { AccountStatus, ImpositionBalance } from '../domain/fine-account';
import type { PaymentTerms } from '../../terms/domain/payment-terms';
import type { ActionId } from '../../action/domain/enforcement-actions';

export interface FineAccount {
  id: string;
  accountNumber: string;
  accountType: FineAccountType;
  status: AccountStatus;
  businessUnit: string;
  caseId: string | null;
  defendantPartyId: string | null;
  enforcementPath: string;
  imposedPence: number;
  paidPence: number;
  writtenOffPence: number;
  balancePence: number;
  terms: PaymentTerms;
  termsVersion: number;
  defaultedOn: LocalDate | null;
  arrearsPence: number | null;
  lastAction: ActionId | null;
  lastActionOn: LocalDate | null;
  onHold: boolean;
  consolidatedInto: string | null;
  openedAt: Date;
}

export const ACCOUNT_COLUMNS = `a.id, a.account_number, a.account_type, a.status, a.business_unit, a.case_id, a.defendant_party_id, a.enforcement_path,
  a.imposed_pence::int AS imposed_pence, a.paid_pence::int AS paid_pence, a.written_off_pence::int AS written_off_pence,
  a.terms_kind, to_char(a.pay_by, 'YYYY-MM-DD') AS pay_by, a.frequency, a.instalment_pence::int AS instalment_pence,
  to_char(a.first_instalment, 'YYYY-MM-DD') AS first_instalment, a.lump_sum_pence::int AS lump_sum_pence, to_char(a.lump_sum_due, 'YYYY-MM-DD') AS lump_sum_due,
  a.terms_version, to_char(a.defaulted_on, 'YYYY-MM-DD') AS defaulted_on, a.arrears_pence::int AS arrears_pence, a.last_action,
  to_char(a.last_action_on, 'YYYY-MM-DD') AS last_action_on, a.on_hold, a.consolidated_into, a.opened_at`;

type Row = Record<string, unknown>;

export function termsOf(row: Row): PaymentTerms {
  if (row.terms_kind === 'pay-by-date') return { kind: 'pay-by-date', payBy: row.pay_by as string };
  return {
    kind: 'instalments',
    frequency: row.frequency as 'weekly',
    instalmentPence: row.instalment_pence as number,
    firstInstalment: row.first_instalment as string,
    ...(row.lump_sum_pence !== null ? { lumpSumPence: row.lump_sum_pence as number, lumpSumDue: row.lump_sum_due as string } : {}),
  };
}

export function accountOf(row: Row): FineAccount {
  const imposedPence = row.imposed_pence as number;
  const paidPence = row.paid_pence as number;
  const writtenOffPence = row.written_off_pence as number;
  return {
    id: row.id as string,
    accountNumber: row.account_number as string,
    accountType: row.account_type as FineAccountType,
    status: row.status as AccountStatus,
    businessUnit: row.business_unit as string,
    caseId: row.case_id as string | null,
    defendantPartyId: row.defendant_party_id as string | null,
    enforcementPath: row.enforcement_path as string,
    imposedPence,
    paidPence,
    writtenOffPence,
    balancePence: imposedPence - paidPence - writtenOffPence,
    terms: termsOf(row),
    termsVersion: row.terms_version as number,
    defaultedOn: row.defaulted_on as string | null,
    arrearsPence: row.arrears_pence as number | null,
    lastAction: row.last_action as ActionId | null,
    lastActionOn: row.last_action_on as string | null,
    onHold: row.on_hold as boolean,
    consolidatedInto: row.consolidated_into as string | null,
    openedAt: row.opened_at as Date,
  };
}

/** The columns the current terms are kept in, in the order `termsColumns` lists them. */
export const TERMS_COLUMNS = 'terms_kind, pay_by, frequency, instalment_pence, first_instalment, lump_sum_pence, lump_sum_due';

export function termsColumns(terms: PaymentTerms): unknown[] {
  return terms.kind === 'pay-by-date'
    ? ['pay-by-date', terms.payBy, null, null, null, null, null]
    : ['instalments', null, terms.frequency, terms.instalmentPence, terms.firstInstalment, terms.lumpSumPence ?? null, terms.lumpSumDue ?? null];
}

export async function findAccount(manager: EntityManager, id: string, lock = false): Promise<FineAccount | null> {
  const [row] = (await manager.query(`SELECT ${ACCOUNT_COLUMNS} FROM fine_accounts a WHERE a.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as Row[];
  return row ? accountOf(row) : null;
}

export async function findAccountByNumber(manager: EntityManager, accountNumber: string, lock = false): Promise<FineAccount | null> {
  const [row] = (await manager.query(`SELECT ${ACCOUNT_COLUMNS} FROM fine_accounts a WHERE a.account_number = $1 ${lock ? 'FOR UPDATE' : ''}`, [accountNumber])) as Row[];
  return row ? accountOf(row) : null;
}

export async function accountsWhere(manager: EntityManager, where: string, params: unknown[]): Promise<FineAccount[]> {
  return ((await manager.query(`SELECT ${ACCOUNT_COLUMNS} FROM fine_accounts a WHERE ${where}`, params)) as Row[]).map(accountOf);
}

export interface Imposition extends ImpositionBalance {
  accountId: string;
}

export async function impositionsOf(manager: EntityManager, accountIds: readonly string[], lock = false): Promise<Imposition[]> {
  const rows = (await manager.query(
    `SELECT id, account_id, seq, kind, creditor, priority, amount_pence::int AS amount_pence, paid_pence::int AS paid_pence, imposed_at
       FROM fine_impositions WHERE account_id = ANY($1::uuid[]) ORDER BY account_id, priority, imposed_at, seq ${lock ? 'FOR UPDATE' : ''}`,
    [accountIds],
  )) as Row[];
  return rows.map((r) => ({
    id: r.id as string,
    accountId: r.account_id as string,
    seq: r.seq as number,
    kind: r.kind as ImpositionKind,
    creditor: r.creditor as string,
    priority: r.priority as number,
    amountPence: r.amount_pence as number,
    paidPence: r.paid_pence as number,
    imposedAt: r.imposed_at as Date,
  }));
}
