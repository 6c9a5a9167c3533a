import { Injectable } from '@nestjs/common';
import { isStaff, Principal } from '@ccsc/auth';
import { warrantStatusChangedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { ForbiddenError, NotFoundError } from '@ccsc/platform';
import { checkWarrantChange, Warrant, WarrantChange } from '../domain/warrant';
import { WarrantRepository } from '../infrastructure/warrant.repository';
import { PaymentApplication } from '../../account/application/payment-application';
import { ENFORCEMENT_AGENT } from '../../roles';

/**
 * Warrant outcomes. Staff hand a warrant to an agent or withdraw it; an enforcement agent (a
 * `system` client naming its agency in `sub`) reports on warrants given to it. What an executed
 * warrant collects comes back as a payment to the account, by the same rules as any payment.
 */
@Injectable()
export class WarrantCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly warrants: WarrantRepository,
    private readonly payments: PaymentApplication,
  ) {}

  change(
    warrantId: string,
    change: WarrantChange,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Warrant> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const warrant = await this.warrants.findForUpdate(tx.manager, warrantId);
        if (!warrant) throw new NotFoundError('The warrant');
        // An agent sees only warrants given to it; any other is "not found".
        const agentOnly = principal.roles.every((r) => r === ENFORCEMENT_AGENT);
        if (!isStaff(principal) || (agentOnly && warrant.agent !== principal.sub))
          throw new NotFoundError('The warrant');
        // What an agent collected reduces the fine as a payment: only the agent holding the warrant says
        // so, and the money comes with it. An officer reporting it would clear a fine alone, with no money.
        if (change.status === 'executed' && !(agentOnly && warrant.agent === principal.sub)) {
          throw new ForbiddenError(
            'Only the enforcement agent holding the warrant reports its execution and what it collected',
          );
        }
        checkWarrantChange(warrant.status, change);
        await this.warrants.change(tx.manager, warrantId, change, tx.now);
        tx.publish({
          type: warrantStatusChangedV1,
          subject: warrant.accountId,
          data: { accountId: warrant.accountId, warrantId, status: change.status },
        });
        if (change.status === 'executed' && change.collectedPence !== undefined) {
          await this.payments.apply(tx, {
            paymentId: warrantId,
            accountNumber: warrant.accountNumber,
            amountPence: change.collectedPence,
            source: 'warrant',
            method: 'enforcement-agent',
            receivedAt: tx.now,
          });
        }
        return {
          ...warrant,
          status: change.status,
          agent: change.agent ?? warrant.agent,
          collectedPence: change.collectedPence ?? null,
        };
      },
      now,
    );
  }
}
