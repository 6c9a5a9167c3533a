import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { londonLocalDate, type LocalDate } from '@ccsc/calendar';
import type { Principal } from '@ccsc/auth';
import { BadUserInputError, ConflictError, NotFoundError } from '@ccsc/platform';
import { approveFeeVersion, FeeAmount, feeVersionProblems, FeeVersion, PricedFee, priceFee } from '../domain/fee';
import { FeeCriteria, FeeRepository } from '../infrastructure/fee.repository';

export interface ProposeFeeVersionCommand {
  code: string;
  amount: FeeAmount;
  validFrom: LocalDate;
  description?: string;
}

/** The fees register: lookups for everyone, and changes that take effect only with a second person's approval. */
@Injectable()
export class FeeCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fees: FeeRepository,
  ) {}

  async lookup(criteria: FeeCriteria, claimAmountPence: number | undefined, on: LocalDate | undefined, now = new Date()): Promise<{ fee: FeeVersion; priced: PricedFee }[]> {
    const found = await this.fees.lookup(this.dataSource.manager, criteria, on ?? londonLocalDate(now));
    return found.map((fee) => ({ fee, priced: priceFee(fee, claimAmountPence) }));
  }

  async versions(code: string): Promise<FeeVersion[]> {
    const versions = await this.fees.versions(this.dataSource.manager, code);
    if (versions.length === 0) throw new NotFoundError(`Fee ${code}`);
    return versions;
  }

  /** A new amount from a day on; the latest version's service, jurisdiction, channel and event carry over. */
  async propose(command: ProposeFeeVersionCommand, principal: Principal): Promise<FeeVersion> {
    return this.dataSource.transaction(async (manager) => {
      const versions = await this.fees.versions(manager, command.code);
      const latest = versions[versions.length - 1];
      if (!latest) throw new NotFoundError(`Fee ${command.code}`);
      if (versions.some((v) => v.status === 'pending-approval')) throw new ConflictError(`Fee ${command.code} already has a version awaiting approval`);
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
      const inForce = versions.filter((v) => v.status === 'approved');
      if (inForce.some((v) => v.validFrom >= command.validFrom)) problems.push({ field: 'validFrom', message: 'must be after the start of every approved version' });
      if (problems.length) throw new BadUserInputError('The fee version cannot be proposed as given', problems);
      await this.fees.insert(manager, fee);
      return fee;
    });
  }

  async decide(code: string, version: number, approve: boolean, principal: Principal): Promise<FeeVersion> {
    return this.dataSource.transaction(async (manager) => {
      const fee = await this.fees.find(manager, code, version, true);
      if (!fee) throw new NotFoundError(`Fee ${code} version ${version}`);
      const approved = approveFeeVersion(fee, principal.sub);
      const decided = approve ? approved : { ...fee, status: 'rejected' as const, approvedBy: principal.sub };
      if (approve) await this.fees.closeBefore(manager, code, fee.validFrom);
      await this.fees.setStatus(manager, decided);
      return decided;
    });
  }
}
