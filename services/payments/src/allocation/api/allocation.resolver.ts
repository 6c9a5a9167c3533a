import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { AllocationModel } from '../../payment/api/payment.model';
import { ALLOCATION_ID, PAYMENT_ID } from '../../api-descriptions';
import { defined } from '../../payments.graphql';
import { FINANCE_STAFF } from '../../roles';
import { AllocationCommands } from '../application/allocation.commands';
import { AllocateBody, VerifyBody } from './allocation.inputs';

/** Allocation over GraphQL: the same commands, roles and errors as AllocationController's routes. */
@Resolver(() => AllocationModel)
export class AllocationResolver {
  constructor(private readonly commands: AllocationCommands) {}

  @Mutation(() => AllocationModel, {
    description:
      'Allocates (part of) a payment to a case, a fine account, or marks it unidentified; a second officer verifies.',
  })
  @Roles(...FINANCE_STAFF)
  async allocatePayment(
    @Args('paymentId', { type: () => ID, description: `${PAYMENT_ID} Money received and not reversed.` })
    paymentId: string,
    @Args('input', { description: 'Where the money goes, and how much.' }) input: AllocateBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return AllocationModel.from(
      await this.commands.allocate(assertUuid(paymentId, 'paymentId'), defined(input), principal),
      principal,
    );
  }

  @Mutation(() => AllocationModel, {
    description:
      'Transfers a verified allocation to another case, fine account or unidentified; a second officer verifies.',
  })
  @Roles(...FINANCE_STAFF)
  async transferAllocation(
    @Args('allocationId', { type: () => ID, description: `${ALLOCATION_ID} A verified allocation.` })
    allocationId: string,
    @Args('input', { description: 'Where the money goes instead.' }) input: AllocateBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return AllocationModel.from(
      await this.commands.transfer(assertUuid(allocationId, 'allocationId'), defined(input), principal),
      principal,
    );
  }

  @Mutation(() => AllocationModel, { description: 'Verifies or rejects an allocation (never your own).' })
  @Roles(...FINANCE_STAFF)
  async verifyAllocation(
    @Args('allocationId', { type: () => ID, description: `${ALLOCATION_ID} One awaiting verification.` })
    allocationId: string,
    @Args('input', { description: 'Verify or reject.' }) input: VerifyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const id = assertUuid(allocationId, 'allocationId');
    return AllocationModel.from(await this.commands.verify(id, input.approve, principal, correlationId), principal);
  }
}
