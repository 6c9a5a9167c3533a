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
        `WITH outstanding AS (
           SELECT i.*, row_number() OVER (ORDER BY i.imposed_at, i.account_id, i.seq) AS n
             FROM fine_impositions i WHERE i.account_id = ANY($2::uuid[]) AND i.amount_pence > i.paid_pence
         ), copied AS (
           INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
           SELECT gen_random_uuid(), $1, (SELECT max(seq) FROM fine_impositions WHERE account_id = $1) + o.n, o.kind, o.creditor, o.priority, o.amount_pence - o.paid_pence, o.imposed_at
             FROM outstanding o
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
