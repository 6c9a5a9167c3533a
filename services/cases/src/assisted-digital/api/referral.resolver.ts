import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { CaseModel } from '../../case/api/case.model';
import { ASSISTED_DIGITAL_OFFICERS } from '../../roles';
import { ReferralCommands } from '../application/referral.commands';
import { ReferralQueries } from '../application/referral.queries';
import { ReferInput, ReferralStatusInput } from './referral.inputs';
import { AssistedDigitalReferralModel } from './referral.model';

@Resolver(() => CaseModel)
export class ReferralResolver {
  constructor(
    private readonly commands: ReferralCommands,
    private readonly queries: ReferralQueries,
  ) {}

  @Mutation(() => AssistedDigitalReferralModel, {
    description: 'Records a needs assessment and refers the user to the assisted-digital supplier.',
  })
  @Roles(...ASSISTED_DIGITAL_OFFICERS)
  referForAssistedDigital(
    @Args('input', { description: 'The case, the party to refer, and the needs the assessment found.' })
    input: ReferInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.refer(input.caseId, input.partyId, input.needs, principal, correlationId);
  }

  @Mutation(() => AssistedDigitalReferralModel, { description: 'Records the progress of a referral.' })
  @Roles(...ASSISTED_DIGITAL_OFFICERS)
  updateAssistedDigitalReferral(
    @Args('input', { description: 'The case, the referral, and its status now.' }) input: ReferralStatusInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.update(
      input.caseId,
      input.referralId,
      input.status,
      input.supplierReference,
      principal,
      correlationId,
    );
  }

  @ResolveField(() => [AssistedDigitalReferralModel], {
    description:
      "Assisted-digital referrals of the case: staff see all; anyone else only those of the parties they act for (a party's needs are its own).",
  })
  assistedDigitalReferrals(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(parent.id, principal);
  }
}
