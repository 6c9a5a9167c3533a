import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { ActionRepository, RecordedAction } from '../infrastructure/action.repository';
import { AccountQueries } from '../../account/application/account.queries';

@Injectable()
export class ActionQueries {
  constructor(
    private readonly accounts: AccountQueries,
    private readonly actions: ActionRepository,
  ) {}

  /** The actions taken on an account the caller may see, oldest first. */
  async ofAccount(accountId: string, principal: Principal): Promise<RecordedAction[]> {
    return this.actions.ofAccount((await this.accounts.get(accountId, principal)).id);
  }

  /** The same, for an account the caller has already been shown. */
  ofShownAccount(accountId: string): Promise<RecordedAction[]> {
    return this.actions.ofAccount(accountId);
  }
}
