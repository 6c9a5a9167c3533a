import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { enforcementActionTakenV2 } from '@ccsc/contracts';
import { londonLocalDate } from '@ccsc/calendar';
import { UnitOfWork } from '@ccsc/messaging';
import { ConflictError } from '@ccsc/platform';
import { checkAction } from '../domain/enforcement-actions';
import { ActionRepository } from '../infrastructure/action.repository';
import { assertLive } from '../../account/domain/fine-account';
import { AccountRepository } from '../../account/infrastructure/account.repository';
import { WarrantRepository } from '../../warrant/infrastructure/warrant.repository';

export interface TakenAction {
  id: string;
  accountId: string;
  action: string;
  details: Record<string, string | number>;
  takenBy: string;
  takenAt: Date;
  warrantId: string | null;
}

/**
 * An officer takes an enforcement action: only one the last action permits (409 names those that
 * are); a hold stops the default run until another action lifts it; an action that creates a
 * warrant issues one; a 50% increase adds half the registered penalty to what is owed.
 */
@Injectable()
export class ActionCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly actions: ActionRepository,
    private readonly warrants: WarrantRepository,
  ) {}

  take(
    accountId: string,
    action: string,
    details: Record<string, string | number>,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<TakenAction> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const account = assertLive(await this.accounts.findForUpdate(tx.manager, accountId));
        // The warrant the last action issued, if it did: withdrawn (the account was paid off, and owes again), the
        // action may be taken again.
        const lastWarrant = (await this.warrants.ofAccounts([accountId], tx.manager))
          .filter((w) => w.kind === account.lastAction)
          .at(-1);
        const definition = checkAction(account.lastAction, action, details, lastWarrant?.status === 'withdrawn');
        if (
          (definition.id === 'registration' || definition.id === 'fixed-penalty-increase') &&
          account.accountType !== 'fixed-penalty'
        ) {
          throw new ConflictError(`${definition.id} applies to fixed penalties only`);
        }
        const id = randomUUID();
        const today = londonLocalDate(tx.now);
        const taken = {
          id,
          accountId,
          action: definition.id,
          details,
          takenBy: principal.sub,
          takenAt: tx.now,
          takenOn: today,
        };
        if (!(await this.actions.insert(tx.manager, taken)))
          throw new ConflictError(`${definition.id} was already taken on this account today`);
        await this.accounts.recordAction(tx.manager, accountId, definition.id, today, definition.holdsEnforcement);
        if (definition.id === 'fixed-penalty-increase')
          await this.accounts.increaseFixedPenalty(tx.manager, accountId, tx.now);
        let warrantId: string | null = null;
        if (definition.createsWarrant) {
          warrantId = randomUUID();
          await this.warrants.issue(tx.manager, {
            id: warrantId,
            accountId,
            actionId: id,
            kind: definition.id,
            issuedOn: today,
            at: tx.now,
          });
        }
        tx.publish({
          type: enforcementActionTakenV2,
          subject: accountId,
          data: {
            accountId,
            actionId: id,
            action: definition.id,
            takenAt: tx.now.toISOString(),
            ...(account.caseId ? { caseId: account.caseId } : {}),
            takenBy: 'officer',
          },
        });
        return { id, accountId, action: definition.id, details, takenBy: principal.sub, takenAt: tx.now, warrantId };
      },
      now,
    );
  }
}
