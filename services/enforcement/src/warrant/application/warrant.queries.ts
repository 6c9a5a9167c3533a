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
    const account = await this.accounts.visible(accountId, principal);
    const warrants = await this.warrants.ofAccounts([account.id]);
    await this.accounts.recordShown(principal, [account], 'fine-account-warrants');
    return warrants;
  }
}
