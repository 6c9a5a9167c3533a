import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { WriteOffCommands } from '../application/write-off.commands';
import { FineAccountModel } from '../../account/api/account.model';
import { ENFORCEMENT_OFFICERS, WRITE_OFF_DECIDERS } from '../../roles';
import { ACCOUNT_ID } from '../../api-descriptions';
import { WriteOffModel } from './write-off.model';
import { WriteOffBody, WriteOffDecisionBody } from './write-off.inputs';

/** Asking for a write-off of a fine account, and deciding it (a second person). */
@Resolver(() => FineAccountModel)
export class FineWriteOffResolver {
  constructor(private readonly writeOffs: WriteOffCommands) {}

  @Mutation(() => WriteOffModel, { description: 'Asks for a write-off; another officer approves it.' })
  @Roles(...ENFORCEMENT_OFFICERS)
  requestFineWriteOff(
    @Args('accountId', { type: () => ID, description: ACCOUNT_ID }) accountId: string,
    @Args('input', { description: 'How much, and why.' }) input: WriteOffBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.writeOffs.request(assertUuid(accountId, 'accountId'), input.amountPence, input.reason, principal);
  }

  @Mutation(() => WriteOffModel, {
    description:
      "Approves or rejects a write-off: never by the officer who asked for it (CONFLICT), and within the approver's limit for the account (FORBIDDEN).",
  })
  @Roles(...WRITE_OFF_DECIDERS)
  decideFineWriteOff(
    @Args('writeOffId', { type: () => ID, description: "The write-off's id (UUID)." }) writeOffId: string,
    @Args('input', { description: 'Approve or reject.' }) input: WriteOffDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.writeOffs.decide(assertUuid(writeOffId, 'writeOffId'), input.approve, principal, correlationId);
  }
}
