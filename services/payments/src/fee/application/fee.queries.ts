import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { londonLocalDate, type LocalDate } from '@ccsc/calendar';
import { NotFoundError } from '@ccsc/platform';
import { FeeCriteria, FeeVersion, PricedFee, priceFee } from '../domain/fee';
import { FeeRepository } from '../infrastructure/fee.repository';

/** The fees register as anyone signed in reads it. */
@Injectable()
export class FeeQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fees: FeeRepository,
  ) {}

  async lookup(
    criteria: FeeCriteria,
    claimAmountPence: number | undefined,
    on: LocalDate | undefined,
    now = new Date(),
  ): Promise<{ fee: FeeVersion; priced: PricedFee }[]> {
    const found = await this.fees.lookup(this.dataSource.manager, criteria, on ?? londonLocalDate(now));
    return found.map((fee) => ({ fee, priced: priceFee(fee, claimAmountPence) }));
  }

  async versions(code: string): Promise<FeeVersion[]> {
    const versions = await this.fees.versions(this.dataSource.manager, code);
    if (versions.length === 0) throw new NotFoundError(`Fee ${code}`);
    return versions;
  }
}
