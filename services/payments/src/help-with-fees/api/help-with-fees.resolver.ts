import { Args, ID, Mutation, Query as GqlQuery, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { HWF_APPLICATION_ID } from '../../api-descriptions';
import { REMISSION_APPLICANTS, REMISSION_APPROVERS } from '../../roles';
import { HelpWithFeesCommands } from '../application/help-with-fees.commands';
import { assessRemission } from '../domain/remission';
import {
  EvidenceCheckBody,
  HelpWithFeesApplicationBody,
  RemissionCheckBody,
  RemissionDecisionBody,
} from './help-with-fees.inputs';
import { HelpWithFeesApplicationModel, RemissionDecisionModel } from './help-with-fees.model';

/** Help with Fees over GraphQL: the same commands, roles and errors as HelpWithFeesController's routes. */
@Resolver(() => HelpWithFeesApplicationModel)
export class HelpWithFeesResolver {
  constructor(private readonly commands: HelpWithFeesCommands) {}

  @GqlQuery(() => RemissionDecisionModel, {
    description: 'Works out full, part or no remission of a fee; stores nothing.',
  })
  @Roles(...REMISSION_APPLICANTS)
  helpWithFeesAssessment(
    @Args('input', { description: 'The fee and the applicant’s means.' }) input: RemissionCheckBody,
  ) {
    const { feePence, ...applicant } = input;
    return RemissionDecisionModel.from(assessRemission(feePence, applicant));
  }

  @Mutation(() => HelpWithFeesApplicationModel, {
    description:
      'Applies for Help with Fees on a fee of a case; assessed at once, remitted only once staff other than you decide it.',
  })
  @Roles(...REMISSION_APPLICANTS)
  async applyForHelpWithFees(
    @Args('input', { description: 'The case, the fee and the applicant’s means.' }) input: HelpWithFeesApplicationBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return HelpWithFeesApplicationModel.from(await this.commands.apply(input, principal));
  }

  @Mutation(() => HelpWithFeesApplicationModel, {
    description: 'Grants or refuses the remission of an application awaiting a decision (never your own).',
  })
  @Roles(...REMISSION_APPROVERS)
  async decideHelpWithFees(
    @Args('applicationId', { type: () => ID, description: `${HWF_APPLICATION_ID} One awaiting a decision.` })
    applicationId: string,
    @Args('input', { description: 'Grant or refuse.' }) input: RemissionDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const id = assertUuid(applicationId, 'applicationId');
    return HelpWithFeesApplicationModel.from(await this.commands.decide(id, input.grant, principal, correlationId));
  }

  @Mutation(() => HelpWithFeesApplicationModel, {
    description:
      'Records the evidence check of an application awaiting one (never your own): passed, the remission is applied.',
  })
  @Roles(...REMISSION_APPROVERS)
  async recordHelpWithFeesEvidenceCheck(
    @Args('applicationId', { type: () => ID, description: `${HWF_APPLICATION_ID} One awaiting evidence.` })
    applicationId: string,
    @Args('input', { description: 'Whether the evidence bore the application out.' }) input: EvidenceCheckBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const id = assertUuid(applicationId, 'applicationId');
    const checked = await this.commands.completeEvidenceCheck(id, input.passed, principal, correlationId);
    return HelpWithFeesApplicationModel.from(checked);
  }
}
