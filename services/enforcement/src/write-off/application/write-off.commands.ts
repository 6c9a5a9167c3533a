import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { writeOffApprovedV1, writeOffRejectedV1, writeOffRequestedV1 } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { checkDecision, checkWriteOffRequest, WriteOff } from '../domain/write-off';
import { WriteOffRepository } from '../infrastructure/write-off.repository';
import { allocateWriteOff, assertLive } from '../../account/domain/fine-account';
import { AccountRepository } from '../../account/infrastructure/account.repository';

/**
 * A write-off is asked for by one officer and approved (or rejected) by another, within their limit. Each step is
 * published with the officer as the envelope's actor: requested, then approved or rejected.
 */
@Injectable()
export class WriteOffCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly writeOffs: WriteOffRepository,
  ) {}

  /**
   * A write-off asked for on an account that is no longer live (paid, written off, consolidated) can never
   * be approved: rejected by the system, in the caller's unit of work, and announced, closing its task.
   */
  async rejectOnClosed(tx: Transaction, accountIds: readonly string[]): Promise<void> {
    for (const { id, accountId } of await this.writeOffs.rejectRequestedOnClosed(tx.manager, accountIds, tx.now))
      tx.publish({ type: writeOffRejectedV1, subject: accountId, data: { accountId, writeOffId: id } });
  }

  request(
    accountId: string,
    amountPence: number,
    reason: string,
    principal: Principal,
    now = new Date(),
  ): Promise<WriteOff> {
    return this.unitOfWork.run(
      { actor: principal.sub },
      async (tx) => {
        const account = assertLive(await this.accounts.findForUpdate(tx.manager, accountId));
        const pending = await this.writeOffs.pendingPence(tx.manager, accountId);
        const checked = checkWriteOffRequest(amountPence, reason, account.balancePence - pending);
        const id = randomUUID();
        await this.writeOffs.insert(tx.manager, {
          id,
          accountId,
          amountPence,
          reason: checked,
          requestedBy: principal.sub,
          requestedAt: tx.now,
        });
        tx.publish({
          type: writeOffRequestedV1,
          subject: accountId,
          data: {
            accountId,
            writeOffId: id,
            amountPence,
            reason: checked,
            ...(account.caseId ? { caseId: account.caseId } : {}),
          },
        });
        return {
          id,
          accountId,
          amountPence,
          reason: checked,
          status: 'requested',
          requestedBy: principal.sub,
          decidedBy: null,
        };
      },
      now,
    );
  }

  decide(
    writeOffId: string,
    approve: boolean,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<WriteOff> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const found = await this.writeOffs.find(tx.manager, writeOffId);
        if (!found) throw new NotFoundError('The write-off');
        // The account before the write-off, as everything that changes the account and then its write-offs
        // locks them (a payment that pays it off rejects its write-offs): the other order could deadlock.
        // The account is locked, so two approvals on it are weighed one after the other, each counting the other's.
        const lockedAccount = await this.accounts.findForUpdate(tx.manager, found.accountId);
        const writeOff = await this.writeOffs.findForUpdate(tx.manager, writeOffId);
        if (!writeOff) throw new NotFoundError('The write-off');
        const account = assertLive(lockedAccount);
        const approverPendingPence = await this.writeOffs.pendingPence(tx.manager, writeOff.accountId, {
          by: principal.sub,
          except: writeOffId,
        });
        // What the accounts consolidated into this one had written off counts too: consolidation must not
        // start an approver's limit again from nothing.
        const writtenOffPence = await this.accounts.writtenOffIncludingConsolidated(tx.manager, writeOff.accountId);
        checkDecision(writeOff, principal, approve, {
          balancePence: account.balancePence,
          writtenOffPence,
          approverPendingPence,
        });
        const status = approve ? 'approved' : 'rejected';
        await this.writeOffs.decide(tx.manager, writeOffId, status, principal.sub, tx.now);
        if (approve) {
          const balancePence = account.balancePence - writeOff.amountPence;
          await this.accounts.addWrittenOff(tx.manager, account.id, writeOff.amountPence, balancePence);
          // The impositions forgo it too, so what they owe still adds up to the balance.
          const impositions = await this.accounts.impositionsForUpdate(tx.manager, account.id);
          await this.accounts.writeOffImpositions(tx.manager, allocateWriteOff(impositions, writeOff.amountPence));
          tx.publish({
            type: writeOffApprovedV1,
            subject: account.id,
            data: {
              accountId: account.id,
              writeOffId,
              amountPence: writeOff.amountPence,
              reason: writeOff.reason,
              balancePence,
            },
          });
        } else {
          tx.publish({ type: writeOffRejectedV1, subject: account.id, data: { accountId: account.id, writeOffId } });
        }
        return { ...writeOff, status, decidedBy: principal.sub };
      },
      now,
    );
  }
}
