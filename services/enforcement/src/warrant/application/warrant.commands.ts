import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { isStaff } from '@ccsc/auth';
import { warrantStatusChangedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { ForbiddenError, NotFoundError } from '@ccsc/platform';
import { checkWarrantChange, WarrantChange, WarrantStatus } from '../domain/warrant';
import { applyPayment } from '../../account/application/payment-application';

export interface Warrant {
  id: string;
  accountId: string;
  accountNumber: string;
  kind: string;
  status: WarrantStatus;
  agent: string | null;
  collectedPence: number | null;
  issuedOn: string;
  expiresOn: string;
}

const WARRANT_COLUMNS = `w.id, w.account_id, a.account_number, w.kind, w.status, w.agent, w.collected_pence::int AS collected_pence,
  to_char(w.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(w.expires_on, 'YYYY-MM-DD') AS expires_on`;

function warrantOf(r: Record<string, unknown>): Warrant {
  return {
    id: r.id as string, accountId: r.account_id as string, accountNumber: r.account_number as string, kind: r.kind as string, status: r.status as WarrantStatus,
    agent: r.agent as string | null, collectedPence: r.collected_pence as number | null, issuedOn: r.issued_on as string, expiresOn: r.expires_on as string,
  };
}

/**
 * Warrant outcomes. Staff hand a warrant to an agent or withdraw it; an enforcement agent (a
 * `system` client naming its agency in `sub`) reports on warrants given to it. What an executed
 * warrant collects comes back as a payment to the account, by the same rules as any payment.
 */
@Injectable()
export class WarrantCommands {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forAccounts(accountIds: readonly string[]): Promise<Warrant[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${WARRANT_COLUMNS} FROM warrants w JOIN fine_accounts a ON a.id = w.account_id WHERE w.account_id = ANY($1::uuid[]) ORDER BY w.issued_on, w.id`,
      [accountIds],
    )) as Record<string, unknown>[];
    return rows.map(warrantOf);
  }

  change(warrantId: string, change: WarrantChange, principal: Principal, correlationId?: string, now = new Date()): Promise<Warrant> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT ${WARRANT_COLUMNS} FROM warrants w JOIN fine_accounts a ON a.id = w.account_id WHERE w.id = $1 FOR UPDATE OF w`, [warrantId])) as Record<string, unknown>[];
      if (!row) throw new NotFoundError('The warrant');
      const warrant = warrantOf(row);
      // An agent sees only warrants given to it; any other is "not found".
      const agentOnly = !principal.roles.some((r) => r !== 'system');
      if (!isStaff(principal) || (agentOnly && warrant.agent !== principal.sub)) throw new NotFoundError('The warrant');
      // What an agent collected reduces the fine as a payment: only the agent holding the warrant says
      // so, and the money comes with it. An officer reporting it would clear a fine alone, with no money.
      if (change.status === 'executed' && !(agentOnly && warrant.agent === principal.sub)) {
        throw new ForbiddenError('Only the enforcement agent holding the warrant reports its execution and what it collected');
      }
      checkWarrantChange(warrant.status, change);
      await manager.query(`UPDATE warrants SET status = $2, agent = COALESCE($3, agent), collected_pence = $4, updated_at = $5 WHERE id = $1`, [
        warrantId, change.status, change.agent ?? null, change.collectedPence ?? null, now,
      ]);
      await appendToOutbox(manager, [{ type: warrantStatusChangedV1, subject: warrant.accountId, data: { accountId: warrant.accountId, warrantId, status: change.status } }], { correlationId, actor: principal.sub }, now);
      if (change.status === 'executed' && change.collectedPence !== undefined) {
        await applyPayment(
          manager,
          { paymentId: warrantId, accountNumber: warrant.accountNumber, amountPence: change.collectedPence, source: 'warrant', method: 'enforcement-agent', receivedAt: now },
          { correlationId, actor: principal.sub },
          now,
        );
      }
      return { ...warrant, status: change.status, agent: change.agent ?? warrant.agent, collectedPence: change.collectedPence ?? null };
    });
  }
}
