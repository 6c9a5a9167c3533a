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
    const account = await this.accounts.visible(accountId, principal);
    const actions = await this.actions.ofAccount(account.id);
    await this.accounts.recordShown(principal, [account], 'fine-account-actions');
    return actions;
  }

  /**
   * The same, for an account the caller has already been shown (GraphQL's `FineAccount.actions`): the
   * read that showed the account recorded it, in the same operation, so this records nothing more.
   */
  ofShownAccount(accountId: string): Promise<RecordedAction[]> {
    return this.actions.ofAccount(accountId);
  }
}
