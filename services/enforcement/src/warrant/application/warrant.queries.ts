import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import type { Warrant } from '../domain/warrant';
import { WarrantRepository } from '../infrastructure/warrant.repository';
import { AccountQueries } from '../../account/application/account.queries';

@Injectable()
export class WarrantQueries {
  constructor(
    private readonly accounts: AccountQueries,
    private readonly warrants: WarrantRepository,
  ) {}

  /** The warrants of an account the caller may see. */
  async ofAccount(accountId: string, principal: Principal): Promise<Warrant[]> {
    return this.warrants.ofAccounts([(await this.accounts.get(accountId, principal)).id]);
  }
}
