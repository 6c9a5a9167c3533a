import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { CaseModel } from '../../case/api/case.model';
import { MINDED_TO_NOTICE_ISSUERS, STATUS_REVIEW_CASEWORKERS } from '../../roles';
import { StatusReviewCommands } from '../application/status-review.commands';
import { StatusReviewQueries } from '../application/status-review.queries';
import { IssueMindedToNoticeInput, RecordReferralInput, RecordRepresentationsInput } from './status-review.inputs';
import { MindedToNoticeModel, ReferralModel, RepresentationsModel } from './status-review.model';

@Resolver(() => CaseModel)
export class StatusReviewResolver {
  constructor(
    private readonly commands: StatusReviewCommands,
    private readonly queries: StatusReviewQueries,
  ) {}

  @Mutation(() => ReferralModel, {
    description: 'Records who referred the person for a status review, and their concerns.',
  })
  @Roles(...STATUS_REVIEW_CASEWORKERS)
  recordStatusReviewReferral(
    @Args('input', { description: 'The status review case, who referred the person, and their concerns.' })
    input: RecordReferralInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ReferralModel> {
    const { caseId, ...command } = input;
    return this.commands.recordReferral(caseId, command, principal, correlationId);
  }

  @Mutation(() => MindedToNoticeModel, {
    description:
      'Issues the minded-to notice with its proposed outcome and grounds: the case moves on, and the time for representations starts.',
  })
  @Roles(...MINDED_TO_NOTICE_ISSUERS)
  issueMindedToNotice(
    @Args('input', { description: 'The status review case, and the proposed outcome with its grounds.' })
    input: IssueMindedToNoticeInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<MindedToNoticeModel> {
    const { caseId, ...command } = input;
    return this.commands.issueMindedToNotice(caseId, command, principal, correlationId);
  }

  @Mutation(() => RepresentationsModel, {
    description: 'Records representations received on the minded-to notice (late ones too).',
  })
  @Roles(...STATUS_REVIEW_CASEWORKERS)
  recordRepresentations(
    @Args('input', { description: 'The status review case, and the representations received.' })
    input: RecordRepresentationsInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<RepresentationsModel> {
    const { caseId, ...command } = input;
    return this.commands.recordRepresentations(caseId, command, principal, correlationId);
  }

  @ResolveField(() => [ReferralModel], { description: "The status review's referrals, oldest first; staff only." })
  statusReviewReferrals(
    @Parent() parent: CaseModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralModel[]> {
    return this.queries.referralsOf(parent.id, principal);
  }

  @ResolveField(() => MindedToNoticeModel, {
    nullable: true,
    description: "The status review's minded-to notice and the representations made on it, once issued.",
  })
  async mindedToNotice(
    @Parent() parent: CaseModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MindedToNoticeModel | null> {
    return (await this.queries.mindedToNotice(parent.id, principal)) ?? null;
  }
}
