import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { fineAccountsConsolidatedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { checkConsolidation } from '../domain/consolidation';
import { accountsWhere, findAccount, FineAccount } from '../infrastructure/account.store';

/**
 * Consolidates a defendant's accounts into one: each imposition still owed moves across with what
 * is left of it, its creditor, priority and date (so payments keep the same order), and the old
 * accounts close as consolidated, pointing at the one they went into. Payments that still quote an
 * old number go to suspense as "consolidated" for an officer to redirect.
 */
@Injectable()
export class Consolidation {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  consolidate(targetId: string, accountIds: string[], principal: Principal, correlationId?: string, now = new Date()): Promise<FineAccount> {
    return this.dataSource.transaction(async (manager) => {
      const target = await findAccount(manager, targetId, true);
      if (!target) throw new NotFoundError('The fine account');
      const sources = await accountsWhere(manager, 'a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE', [accountIds]);
      checkConsolidation(target, sources, accountIds);
      const [[moved]] = (await manager.query(
        // What an account still owes is its balance: a write-off lowers it but no imposition, so what
        // is left of the impositions is kept, in the order payments take them, only up to the balance.
        `WITH outstanding AS (
           SELECT i.*, i.amount_pence - i.paid_pence AS left_pence, a.imposed_pence - a.paid_pence - a.written_off_pence AS balance,
                  sum(i.amount_pence - i.paid_pence) OVER (PARTITION BY i.account_id ORDER BY i.priority, i.imposed_at, i.seq ROWS UNBOUNDED PRECEDING) AS upto
             FROM fine_impositions i JOIN fine_accounts a ON a.id = i.account_id
            WHERE i.account_id = ANY($2::uuid[]) AND i.amount_pence > i.paid_pence
         ), owed AS (
           SELECT o.*, LEAST(o.left_pence, o.balance - (o.upto - o.left_pence)) AS owed_pence, row_number() OVER (ORDER BY o.imposed_at, o.account_id, o.seq) AS n
             FROM outstanding o WHERE o.upto - o.left_pence < o.balance
         ), copied AS (
           INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
           SELECT gen_random_uuid(), $1, (SELECT max(seq) FROM fine_impositions WHERE account_id = $1) + o.n, o.kind, o.creditor, o.priority, o.owed_pence, o.imposed_at
             FROM owed o
           RETURNING amount_pence
         ), closed AS (
           UPDATE fine_accounts SET status = 'consolidated', consolidated_into = $1 WHERE id = ANY($2::uuid[]) RETURNING id
         )
         UPDATE fine_accounts SET imposed_pence = imposed_pence + (SELECT COALESCE(sum(amount_pence), 0) FROM copied)
          WHERE id = $1 RETURNING (imposed_pence - paid_pence - written_off_pence)::int AS balance`,
        [targetId, accountIds],
      )) as [[{ balance: number }], number];
      await appendToOutbox(
        manager,
        [{ type: fineAccountsConsolidatedV1, subject: targetId, data: { accountId: targetId, consolidatedAccountIds: accountIds, balancePence: moved.balance } }],
        { correlationId, actor: principal.sub },
        now,
      );
      const updated = await findAccount(manager, targetId);
      if (!updated) throw new NotFoundError('The fine account');
      return updated;
    });
  }
}
