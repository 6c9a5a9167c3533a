import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { ActionCommands } from '../application/action.commands';
import { ActionQueries } from '../application/action.queries';
import { FineAccountModel } from '../../account/api/account.model';
import { ENFORCEMENT_OFFICERS } from '../../roles';
import { EnforcementActionModel } from './action.model';
import { detailsFrom, TakeActionInput } from './action.inputs';

/** A fine account's actions, and taking one. */
@Resolver(() => FineAccountModel)
export class FineAccountActionsResolver {
  constructor(
    private readonly queries: ActionQueries,
    private readonly commands: ActionCommands,
  ) {}

  @ResolveField(() => [EnforcementActionModel], { description: 'The actions taken, oldest first.' })
  actions(@Parent() account: FineAccountModel) {
    return this.queries.ofShownAccount(account.id);
  }

  @Mutation(() => EnforcementActionModel, {
    description:
      'Takes an enforcement action; one the last action does not permit is refused (CONFLICT, naming those permitted).',
  })
  @Roles(...ENFORCEMENT_OFFICERS)
  takeEnforcementAction(
    @Args('input', { description: 'The account, the action and what it records.' }) input: TakeActionInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.take(input.accountId, input.action, detailsFrom(input.details), principal, correlationId);
  }
}
