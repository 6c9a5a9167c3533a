import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { approvalLimitsText, CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { REFUND_ID } from '../../api-descriptions';
import { defined } from '../../payments.graphql';
import { PAYMENT_OFFICERS, REFUND_APPROVERS, REFUND_REQUESTERS } from '../../roles';
import { RefundCommands } from '../application/refund.commands';
import { RefundDecisionBody, RequestRefundBody, ResubmitRefundBody } from './refund.inputs';
import { RefundModel } from './refund.model';

const refundId = () => Args('refundId', { type: () => ID, description: REFUND_ID });

/** Refunds over GraphQL: the same commands, roles and errors as RefundController's routes. */
@Resolver(() => RefundModel)
export class RefundResolver {
  constructor(private readonly commands: RefundCommands) {}

  @Mutation(() => RefundModel, { description: 'Asks for a refund; never more than was paid less what is owed.' })
  @Roles(...REFUND_REQUESTERS)
  async requestRefund(
    @Args('input', { description: 'The case, the amount and why.' }) input: RequestRefundBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return RefundModel.from(await this.commands.request(defined(input), principal, correlationId));
  }

  @Mutation(() => RefundModel, {
    description: `Approves, rejects or returns a refund for update: never your own, and an approval within your limit on the case, the complaint and the fine account it concerns (with the accounts consolidated into it), counting everything approved there already (money given back and fees waived together) (FORBIDDEN above it): ${approvalLimitsText(REFUND_APPROVERS)}.`,
  })
  @Roles(...REFUND_APPROVERS)
  async decideRefund(
    @refundId() id: string,
    @Args('input', { description: 'The decision, and why.' }) input: RefundDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const decided = await this.commands.decide(
      assertUuid(id, 'refundId'),
      input.decision,
      principal,
      input.note ?? undefined,
      correlationId,
    );
    return RefundModel.from(decided);
  }

  @Mutation(() => RefundModel, { description: 'Updates a returned refund and sends it back for approval.' })
  @Roles(...REFUND_REQUESTERS)
  async resubmitRefund(
    @refundId() id: string,
    @Args('input', { description: 'The updated amount.' }) input: ResubmitRefundBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const updated = await this.commands.resubmit(
      assertUuid(id, 'refundId'),
      input.amountPence,
      principal,
      correlationId,
    );
    return RefundModel.from(updated);
  }

  @Mutation(() => RefundModel, { description: 'Records that an approved refund has been paid out.' })
  @Roles(...PAYMENT_OFFICERS)
  async payRefund(
    @refundId() id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return RefundModel.from(await this.commands.markPaid(assertUuid(id, 'refundId'), principal, correlationId));
  }
}
