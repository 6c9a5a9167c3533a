import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { WarrantCommands } from '../application/warrant.commands';
import { WARRANT_REPORTERS } from '../../roles';
import { WarrantModel } from './warrant.model';
import { warrantChangeFrom, WarrantOutcomeBody } from './warrant.inputs';

/** Warrant outcomes as officers and agencies report them. */
@Resolver(() => WarrantModel)
export class WarrantResolver {
  constructor(private readonly warrants: WarrantCommands) {}

  @Mutation(() => WarrantModel, {
    description:
      "Reports a warrant outcome: given to an enforcement agency, withdrawn or expired (the court's), executed (only by the agency holding it, with what it collected) or returned unexecuted (either). An agency sees only the warrants given to it (NOT_FOUND for others). A move its status does not allow is refused (CONFLICT).",
  })
  @Roles(...WARRANT_REPORTERS)
  async recordWarrantOutcome(
    @Args('warrantId', { type: () => ID, description: "The warrant's id (UUID)." }) warrantId: string,
    @Args('input', { description: 'The new status, with the agent or what was collected.' }) input: WarrantOutcomeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return WarrantModel.from(
      await this.warrants.change(
        assertUuid(warrantId, 'warrantId'),
        warrantChangeFrom(input),
        principal,
        correlationId,
      ),
    );
  }
}
