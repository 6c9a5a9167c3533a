import { Injectable } from '@nestjs/common';
import { londonLocalDate, type LocalDate } from '@ccsc/calendar';
import type { Principal } from '@ccsc/auth';
import { UnitOfWork } from '@ccsc/messaging';
import { BadUserInputError, ConflictError, NotFoundError } from '@ccsc/platform';
import { approveFeeVersion, FeeAmount, feeVersionProblems, FeeVersion } from '../domain/fee';
import { FeeRepository } from '../infrastructure/fee.repository';

export interface ProposeFeeVersionCommand {
  code: string;
  amount: FeeAmount;
  validFrom: LocalDate;
  description?: string;
}

/** Changes to the fees register, which take effect only with a second person's approval. */
@Injectable()
export class FeeCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly fees: FeeRepository,
  ) {}

  /** A new amount from a day on; the latest version's service, jurisdiction, channel and event carry over. */
  async propose(command: ProposeFeeVersionCommand, principal: Principal): Promise<FeeVersion> {
    return this.unitOfWork.run({ actor: principal.sub }, async ({ manager, now }) => {
      const versions = await this.fees.versions(manager, command.code);
      const latest = versions.at(-1);
      if (!latest) throw new NotFoundError(`Fee ${command.code}`);
      if (versions.some((v) => v.status === 'pending-approval')) {
        throw new ConflictError(`Fee ${command.code} already has a version awaiting approval`);
      }
      const fee: FeeVersion = {
        ...latest,
        version: latest.version + 1,
        description: command.description ?? latest.description,
        amount: command.amount,
        validFrom: command.validFrom,
        validTo: null,
        status: 'pending-approval',
        proposedBy: principal.sub,
        approvedBy: null,
      };
      const problems = feeVersionProblems(fee);
      // A fee never changes in the past: what was charged then was charged at the fee in force then.
      const today = londonLocalDate(now);
      if (command.validFrom < today)
        problems.push({ field: 'validFrom', message: `must be today (${today}) or later` });
      const inForce = versions.filter((v) => v.status === 'approved');
      if (inForce.some((v) => v.validFrom >= command.validFrom)) {
        problems.push({ field: 'validFrom', message: 'must be after the start of every approved version' });
      }
      if (problems.length) throw new BadUserInputError('The fee version cannot be proposed as given', problems);
      await this.fees.insert(manager, fee);
      return fee;
    });
  }

  async decide(code: string, version: number, approve: boolean, principal: Principal): Promise<FeeVersion> {
    return this.unitOfWork.run({ actor: principal.sub }, async ({ manager, now }) => {
      const fee = await this.fees.findForUpdate(manager, code, version);
      if (!fee) throw new NotFoundError(`Fee ${code} version ${version}`);
      // Approving or rejecting, the decider is a second person; only an approval must still be in time.
      const approved = approveFeeVersion(fee, principal.sub, approve ? londonLocalDate(now) : undefined);
      const decided = approve ? approved : { ...fee, status: 'rejected' as const, approvedBy: principal.sub };
      if (approve) await this.fees.closeBefore(manager, code, fee.validFrom);
      await this.fees.setStatus(manager, decided);
      return decided;
    });
  }
}
