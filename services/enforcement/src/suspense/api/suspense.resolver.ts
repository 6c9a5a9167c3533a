import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, pageSize, toConnection } from '@ccsc/platform';
import { SuspenseCommands } from '../application/suspense.commands';
import { SuspenseQueries } from '../application/suspense.queries';
import { ENFORCEMENT_OFFICERS, SUSPENSE_READERS } from '../../roles';
import { SuspenseAllocationBody, SuspenseItemsArgs } from './suspense.inputs';
import { SuspenseItemConnection, SuspenseItemModel } from './suspense.model';

const ITEM_ID = "The suspense item's id (UUID).";

/** The suspense worklist over GraphQL. */
@Resolver(() => SuspenseItemModel)
export class SuspenseResolver {
  constructor(
    private readonly queries: SuspenseQueries,
    private readonly commands: SuspenseCommands,
  ) {}

  @Query(() => SuspenseItemConnection, {
    description: 'Payments held in suspense, oldest first, by reason and by state.',
  })
  @Roles(...SUSPENSE_READERS)
  async suspenseItems(@Args() args: SuspenseItemsArgs, @CurrentPrincipal() principal: Principal) {
    // GraphQL passes an explicit null for an argument not given.
    const filter = { reason: args.reason ?? undefined, state: args.state ?? undefined };
    return toConnection(
      await this.queries.list(filter, principal, pageSize(args.first ?? undefined), args.after ?? undefined),
      SuspenseItemModel.from,
    );
  }

  @Mutation(() => SuspenseItemModel, {
    description:
      'Applies held money to the account it was meant for, as any payment is applied; once only (CONFLICT when it is not held).',
  })
  @Roles(...ENFORCEMENT_OFFICERS)
  async allocateSuspenseItem(
    @Args('id', { type: () => ID, description: ITEM_ID }) id: string,
    @Args('input', { description: 'The account to allocate it to.' }) input: SuspenseAllocationBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return SuspenseItemModel.from(
      await this.commands.allocate(assertUuid(id), input.accountNumber, principal, correlationId),
    );
  }

  @Mutation(() => SuspenseItemModel, {
    description:
      'Asks for held money to go back to the payer: payments raises the refund, and a second person approves it (CONFLICT when it is not held).',
  })
  @Roles(...ENFORCEMENT_OFFICERS)
  async refundSuspenseItem(
    @Args('id', { type: () => ID, description: ITEM_ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return SuspenseItemModel.from(await this.commands.requestRefund(assertUuid(id), principal, correlationId));
  }
}
