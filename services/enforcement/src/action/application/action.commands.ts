import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { enforcementActionTakenV1 } from '@ccsc/contracts';
import { londonLocalDate } from '@ccsc/calendar';
import { appendToOutbox } from '@ccsc/messaging';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { checkAction } from '../domain/enforcement-actions';
import { findAccount, FineAccount } from '../../account/infrastructure/account.store';
import { WARRANT_VALIDITY_DAYS } from '../../default-run/infrastructure/default-run.sql';

export interface TakenAction {
  id: string;
  accountId: string;
  action: string;
  details: Record<string, string | number>;
  takenBy: string;
  takenAt: Date;
  warrantId: string | null;
}

export async function liveAccount(manager: EntityManager, accountId: string): Promise<FineAccount> {
  const account = await findAccount(manager, accountId, true);
  if (!account) throw new NotFoundError('The fine account');
  if (account.status !== 'live') throw new ConflictError(`The account is ${account.status}`);
  return account;
}

/**
 * An officer takes an enforcement action: only one the last action permits (409 names those that
 * are); a hold stops the default run until another action lifts it; an action that creates a
 * warrant issues one; a 50% increase adds half the registered penalty to what is owed.
 */
@Injectable()
export class ActionCommands {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  take(accountId: string, action: string, details: Record<string, string | number>, principal: Principal, correlationId?: string, now = new Date()): Promise<TakenAction> {
    return this.dataSource.transaction(async (manager) => {
      const account = await liveAccount(manager, accountId);
      const definition = checkAction(account.lastAction, action, details);
      if ((definition.id === 'registration' || definition.id === 'fixed-penalty-increase') && account.accountType !== 'fixed-penalty') {
        throw new ConflictError(`${definition.id} applies to fixed penalties only`);
      }
      const id = randomUUID();
      const today = londonLocalDate(now);
      const inserted = (await manager.query(
        `INSERT INTO enforcement_actions (id, account_id, action, details, taken_by, taken_at, taken_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING RETURNING id`,
        [id, accountId, definition.id, JSON.stringify(details), principal.sub, now, today],
      )) as unknown[];
      if (!inserted.length) throw new ConflictError(`${definition.id} was already taken on this account today`);
      await manager.query(`UPDATE fine_accounts SET last_action = $2, last_action_on = $3, on_hold = $4 WHERE id = $1`, [accountId, definition.id, today, definition.holdsEnforcement]);
      if (definition.id === 'fixed-penalty-increase') {
        await manager.query(
          `WITH fine AS (SELECT COALESCE(sum(amount_pence), 0) / 2 AS increase FROM fine_impositions WHERE account_id = $1 AND kind = 'fine'),
                added AS (INSERT INTO fine_impositions (id, account_id, seq, kind, creditor, priority, amount_pence, imposed_at)
                          SELECT gen_random_uuid(), $1, (SELECT max(seq) + 1 FROM fine_impositions WHERE account_id = $1), 'fine', 'central-funds', 6, increase, $2
                            FROM fine WHERE increase > 0 RETURNING amount_pence)
           UPDATE fine_accounts SET imposed_pence = imposed_pence + COALESCE((SELECT amount_pence FROM added), 0) WHERE id = $1`,
          [accountId, now],
        );
      }
      let warrantId: string | null = null;
      if (definition.createsWarrant) {
        warrantId = randomUUID();
        await manager.query(
          `INSERT INTO warrants (id, account_id, action_id, kind, status, issued_on, expires_on, updated_at) VALUES ($1, $2, $3, $4, 'issued', $5::date, $5::date + $6::int, $7)`,
          [warrantId, accountId, id, definition.id, today, WARRANT_VALIDITY_DAYS, now],
        );
      }
      await appendToOutbox(
        manager,
        [{ type: enforcementActionTakenV1, subject: accountId, data: { accountId, actionId: id, action: definition.id, takenAt: now.toISOString(), ...(account.caseId ? { caseId: account.caseId } : {}) } }],
        { correlationId, actor: principal.sub },
        now,
      );
      return { id, accountId, action: definition.id, details, takenBy: principal.sub, takenAt: now, warrantId };
    });
  }
}
