import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { fineAccountOpenedV1, FineAccountType, ImpositionKind } from '@ccsc/contracts';
import { LocalDate, londonLocalDate } from '@ccsc/calendar';
import { appendToOutbox, EventContext } from '@ccsc/messaging';
import { ALLOCATION_PRIORITY, PATH_OF_ACCOUNT_TYPE } from '../domain/fine-account';
import { formatAccountNumber } from '../domain/account-number';
import { defaultTerms, PaymentTerms } from '../../terms/domain/payment-terms';
import { TERMS_COLUMNS, termsColumns } from '../infrastructure/account.store';

export interface OpenAccount {
  accountType: FineAccountType;
  businessUnit: string;
  caseId?: string;
  resultId?: string;
  defendantPartyId?: string;
  penaltyReference?: string;
  impositions: { kind: ImpositionKind; amountPence: number; creditor: string }[];
  terms?: PaymentTerms;
  openedBy: string;
}

/**
 * Opens a fine account with its impositions and first terms (pay in full in 28 days unless given).
 * Returns null when an account for the same result or penalty exists already: the UNIQUE keys, not
 * only the inbox, make a redelivered or repeated request open nothing new.
 */
export async function openAccount(manager: EntityManager, open: OpenAccount, context: EventContext, now: Date): Promise<{ id: string; accountNumber: string } | null> {
  const id = randomUUID();
  const imposed = open.impositions.reduce((sum, i) => sum + i.amountPence, 0);
  const openedOn: LocalDate = londonLocalDate(now);
  const terms = open.terms ?? defaultTerms(openedOn);
  const [{ n }] = (await manager.query(`SELECT nextval('fine_account_numbers')::int AS n`)) as [{ n: number }];
  const accountNumber = formatAccountNumber(n);
  const inserted = (await manager.query(
    `INSERT INTO fine_accounts (id, account_number, account_type, business_unit, case_id, result_id, defendant_party_id, penalty_reference,
       enforcement_path, imposed_pence, opened_at, ${TERMS_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT DO NOTHING RETURNING id`,
    [id, accountNumber, open.accountType, open.businessUnit, open.caseId ?? null, open.resultId ?? null, open.defendantPartyId ?? null, open.penaltyReference ?? null,
      PATH_OF_ACCOUNT_TYPE[open.accountType], imposed, now, ...termsColumns(terms)],
  )) as { id: string }[];
  if (inserted.length === 0) return null;
  await manager.query(
    `INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
     SELECT gen_random_uuid(), $1, s, k, c, p, a, $2 FROM unnest($3::int[], $4::varchar[], $5::varchar[], $6::int[], $7::bigint[]) AS t(s, k, c, p, a)`,
    [id, now, open.impositions.map((_, i) => i), open.impositions.map((i) => i.kind), open.impositions.map((i) => i.creditor),
      open.impositions.map((i) => ALLOCATION_PRIORITY[i.kind]), open.impositions.map((i) => i.amountPence)],
  );
  await manager.query(
    `INSERT INTO payment_terms_history (account_id, version, terms, reason, changed_by, changed_at) VALUES ($1, 1, $2, $3, $4, $5)`,
    [id, JSON.stringify(terms), 'Terms set when the account was opened', open.openedBy, now],
  );
  await appendToOutbox(
    manager,
    [{ type: fineAccountOpenedV1, subject: id, data: { accountId: id, accountNumber, accountType: open.accountType, balancePence: imposed, ...(open.caseId ? { caseId: open.caseId } : {}), ...(open.resultId ? { resultId: open.resultId } : {}) } }],
    context,
    now,
  );
  return { id, accountNumber };
}
