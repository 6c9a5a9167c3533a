import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, isStaff, Principal, Roles } from '@ccsc/auth';
import { ForbiddenError } from '@ccsc/platform';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { OFFICERS, TEAM_LEADERS } from '../../roles';
import { TriageCommands } from '../application/triage.commands';
import { TriageQueries } from '../application/triage.queries';
import type { TriageDecisionRecord, TriageRule } from '../domain/triage-rule';
import { TriageDecisionModel, TriageRuleModel } from './triage.model';
import { ruleInput, SaveTriageRuleInput, TriageEnquiryInput, triageOverride } from './triage.inputs';

@Resolver(() => EnquiryModel)
export class TriageResolver {
  constructor(
    private readonly commands: TriageCommands,
    private readonly queries: TriageQueries,
  ) {}

  @Query(() => [TriageRuleModel], { description: 'Every triage rule, in the order they are tried.' })
  @Roles(...OFFICERS)
  async triageRules(): Promise<TriageRule[]> {
    return this.queries.rules();
  }

  @Mutation(() => TriageRuleModel, { description: 'Team leaders add or change a triage rule.' })
  @Roles(...TEAM_LEADERS)
  async saveTriageRule(
    @Args('input', { description: 'The rule, with its id to change one.' }) input: SaveTriageRuleInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commands.saveRule(ruleInput(input, input.id), principal);
  }

  @Mutation(() => EnquiryModel, { description: "Confirms or overrides the rules' triage of an enquiry." })
  @Roles(...OFFICERS)
  async triageEnquiry(
    @Args('input', { description: 'The enquiry and the queue, priority and articles decided on.' })
    input: TriageEnquiryInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.decide(input.enquiryId, triageOverride(input), principal, correlationId),
      principal,
    );
  }

  @ResolveField(() => [TriageDecisionModel], { description: 'Triage decisions, oldest first.' })
  async triageDecisions(
    @Parent() parent: EnquiryModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TriageDecisionRecord[]> {
    if (!isStaff(principal)) throw new ForbiddenError('Only the service centre sees triage decisions');
    return this.queries.decisions(parent.id, principal);
  }
}
