import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { WriteOffCommands } from '../application/write-off.commands';
import { FineAccountModel } from '../../account/api/account.model';
import { ENFORCEMENT_OFFICERS } from '../../roles';
import { WriteOffModel } from './write-off.model';
import { WriteOffBody } from './write-off.inputs';

/** Asking for a write-off of a fine account. */
@Resolver(() => FineAccountModel)
export class FineWriteOffResolver {
  constructor(private readonly writeOffs: WriteOffCommands) {}

  @Mutation(() => WriteOffModel, { description: 'Asks for a write-off; another officer approves it.' })
  @Roles(...ENFORCEMENT_OFFICERS)
  requestFineWriteOff(
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('input') input: WriteOffBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.writeOffs.request(assertUuid(accountId, 'accountId'), input.amountPence, input.reason, principal);
  }
}
