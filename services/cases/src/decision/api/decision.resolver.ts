import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { CaseModel } from '../../case/api/case.model';
import { DECISION_CHECKERS, DECISION_MAKERS } from '../../roles';
import { DecisionCommands } from '../application/decision.commands';
import { DecisionQueries } from '../application/decision.queries';
import { CheckDecisionInput, RecordDecisionInput } from './decision.inputs';
import { DecisionModel } from './decision.model';

@Resolver(() => CaseModel)
export class DecisionResolver {
  constructor(
    private readonly commands: DecisionCommands,
    private readonly queries: DecisionQueries,
  ) {}

  @Mutation(() => DecisionModel, {
    description: 'Records a decision; to correct one, record another that supersedes it.',
  })
  @Roles(...DECISION_MAKERS)
  async recordDecision(
    @Args('input', { description: 'The case, and the decision with what it rests on.' }) input: RecordDecisionInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const { caseId, ...command } = input;
    return DecisionModel.from(await this.commands.record(caseId, command, principal, correlationId));
  }

  @Mutation(() => DecisionModel, {
    description:
      'A second person (never the decision maker) approves the current decision, or returns it with comments to be corrected by a superseding one.',
  })
  @Roles(...DECISION_CHECKERS)
  async checkDecision(
    @Args('input', { description: "The case, the decision, and the checker's outcome." }) input: CheckDecisionInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const { caseId, decisionId, ...command } = input;
    return DecisionModel.from(await this.commands.check(caseId, decisionId, command, principal, correlationId));
  }

  @ResolveField(() => [DecisionModel], {
    description: 'Decisions on the case, oldest first, superseded ones included.',
  })
  async decisions(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.list(parent.id, principal)).map(DecisionModel.from);
  }
}
