import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { approvalLimitsText, CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { FEE_WAIVER_ID } from '../../api-descriptions';
import { REMISSION_APPROVERS } from '../../roles';
import { FeeWaiverCommands } from '../application/fee-waiver.commands';
import { FeeWaiverDecisionBody } from './fee-waiver.inputs';
import { FeeWaiverModel } from './fee-waiver.model';

/** Fee waivers over GraphQL: the same command, roles and errors as FeeWaiverController's decision route. */
@Resolver(() => FeeWaiverModel)
export class FeeWaiverResolver {
  constructor(private readonly commands: FeeWaiverCommands) {}

  @Mutation(() => FeeWaiverModel, {
    description: `Approves (the fee is remitted) or rejects a fee waiver: never one whose remedy you agreed, and an approval within your limit on the case and the complaint, counting everything approved there already (money given back and fees waived together) (FORBIDDEN above it): ${approvalLimitsText(REMISSION_APPROVERS)}.`,
  })
  @Roles(...REMISSION_APPROVERS)
  async decideFeeWaiver(
    @Args('feeWaiverId', { type: () => ID, description: `${FEE_WAIVER_ID} One awaiting approval.` })
    feeWaiverId: string,
    @Args('input', { description: 'Approve or reject.' }) input: FeeWaiverDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const id = assertUuid(feeWaiverId, 'feeWaiverId');
    return FeeWaiverModel.from(await this.commands.decide(id, input.approve, principal, correlationId));
  }
}
