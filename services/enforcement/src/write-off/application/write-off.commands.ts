import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { writeOffApprovedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { checkDecision, checkWriteOffRequest } from '../domain/write-off';
import { liveAccount } from '../../action/application/action.commands';

export interface WriteOff {
  id: string;
  accountId: string;
  amountPence: number;
  reason: string;
  status: 'requested' | 'approved' | 'rejected';
  requestedBy: string;
  decidedBy: string | null;
}

/** A write-off is asked for by one officer and approved (or rejected) by another, within their limit for the account. */
@Injectable()
export class WriteOffCommands {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  request(accountId: string, amountPence: number, reason: string, principal: Principal, now = new Date()): Promise<WriteOff> {
    return this.dataSource.transaction(async (manager) => {
      const account = await liveAccount(manager, accountId);
      const [{ p: pending }] = (await manager.query(`SELECT COALESCE(sum(amount_pence), 0)::int AS p FROM write_offs WHERE account_id = $1 AND status = 'requested'`, [accountId])) as [{ p: number }];
      const checked = checkWriteOffRequest(amountPence, reason, account.balancePence - pending);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO write_offs (id, account_id, amount_pence, reason, status, requested_by, requested_at) VALUES ($1, $2, $3, $4, 'requested', $5, $6)`,
        [id, accountId, amountPence, checked, principal.sub, now],
      );
      return { id, accountId, amountPence, reason: checked, status: 'requested', requestedBy: principal.sub, decidedBy: null };
    });
  }

  decide(writeOffId: string, approve: boolean, principal: Principal, correlationId?: string, now = new Date()): Promise<WriteOff> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT id, account_id, amount_pence::int AS amount_pence, reason, status, requested_by FROM write_offs WHERE id = $1 FOR UPDATE`,
        [writeOffId],
      )) as { id: string; account_id: string; amount_pence: number; reason: string; status: string; requested_by: string }[];
      if (!row) throw new NotFoundError('The write-off');
      // The account is locked, so two approvals on it are weighed one after the other, each counting the other's.
      const account = await liveAccount(manager, row.account_id);
      const [{ p: approverPendingPence }] = (await manager.query(
        `SELECT COALESCE(sum(amount_pence), 0)::bigint AS p FROM write_offs WHERE account_id = $1 AND status = 'requested' AND requested_by = $2 AND id <> $3`,
        [row.account_id, principal.sub, writeOffId],
      )) as [{ p: string }];
      // What the accounts consolidated into this one had written off counts too: consolidation must not
      // start an approver's limit again from nothing.
      const [{ w: writtenOffPence }] = (await manager.query(
        `WITH RECURSIVE merged AS (
           SELECT id, written_off_pence FROM fine_accounts WHERE id = $1
           UNION ALL SELECT a.id, a.written_off_pence FROM fine_accounts a JOIN merged m ON a.consolidated_into = m.id
         ) SELECT COALESCE(sum(written_off_pence), 0)::bigint AS w FROM merged`,
        [row.account_id],
      )) as [{ w: string }];
      const request = { amountPence: row.amount_pence, requestedBy: row.requested_by, status: row.status };
      checkDecision(request, principal, approve, { balancePence: account.balancePence, writtenOffPence: Number(writtenOffPence), approverPendingPence: Number(approverPendingPence) });
      await manager.query(`UPDATE write_offs SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1`, [writeOffId, approve ? 'approved' : 'rejected', principal.sub, now]);
      if (approve) {
        const balancePence = account.balancePence - row.amount_pence;
        await manager.query(
          `UPDATE fine_accounts SET written_off_pence = written_off_pence + $2, status = CASE WHEN $3::bigint = 0 THEN 'written-off' ELSE status END WHERE id = $1`,
          [account.id, row.amount_pence, balancePence],
        );
        await appendToOutbox(
          manager,
          [{ type: writeOffApprovedV1, subject: account.id, data: { accountId: account.id, writeOffId, amountPence: row.amount_pence, reason: row.reason, balancePence } }],
          { correlationId, actor: principal.sub },
          now,
        );
      }
      return { id: row.id, accountId: row.account_id, amountPence: row.amount_pence, reason: row.reason, status: approve ? 'approved' : 'rejected', requestedBy: row.requested_by, decidedBy: principal.sub };
    });
  }
}
