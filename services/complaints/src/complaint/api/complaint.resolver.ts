import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import {
  AuthenticatedRequest,
  CorrelationId,
  CurrentPrincipal,
  loadForCaller,
  Principal,
  principalOf,
  Roles,
} from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE, NullableArgs, MAX_PAGE_SIZE, pageSize, toConnection } from '@ccsc/platform';
import { ComplaintCommands } from '../application/complaint.commands';
import { ComplaintQueries } from '../application/complaint.queries';
import { COMPLAINANTS, COMPLAINT_READERS, COMPLAINT_STAFF } from '../../roles';
import {
  COMPLAINT_ID,
  ComplaintCaseModel,
  ComplaintConnection,
  ComplaintModel,
  ComplaintTimelineEntryModel,
} from './complaint.model';
import {
  AgreeRemedyBody,
  BreachDecisionBody,
  CloseComplaintBody,
  defined,
  DraftResponseBody,
  FlagBreachBody,
  OmbudsmanAnswerBody,
  OmbudsmanEnquiryBody,
  OmbudsmanOutcomeBody,
  OmbudsmanReferralBody,
  OpenComplaintBody,
  openCommand,
  optionalInstant,
  SendResponseBody,
  StartInvestigationBody,
} from './complaint.inputs';

const id = () => Args('id', { type: () => ID, description: COMPLAINT_ID });

@Resolver(() => ComplaintModel)
export class ComplaintResolver {
  constructor(
    private readonly commands: ComplaintCommands,
    private readonly queries: ComplaintQueries,
  ) {}

  @Query(() => ComplaintModel, {
    description: 'A complaint by its id; not found when there is none or it is not one the caller may see.',
  })
  @Roles(...COMPLAINT_READERS)
  async complaint(@id() complaintId: string, @CurrentPrincipal() principal: Principal) {
    return ComplaintModel.from(await this.queries.get(assertUuid(complaintId), principal), principal);
  }

  @Query(() => ComplaintConnection, {
    description:
      'The complaints the caller may see, newest recorded first: every complaint for complaints staff and caseworkers, their own for a citizen or a firm.',
  })
  @Roles(...COMPLAINT_READERS)
  async complaints(
    @CurrentPrincipal() principal: Principal,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', {
      nullable: true,
      description: "The previous page's `pageInfo.endCursor`; the first page when not given.",
    })
    after?: string,
  ) {
    return toConnection(await this.queries.list(principal, pageSize(first), after), (c) =>
      ComplaintModel.from(c, principal),
    );
  }

  @ResolveField(() => [ComplaintCaseModel], {
    description: 'The cases the complaint is about, resolved by the cases service.',
  })
  cases(@Parent() parent: ComplaintModel): ComplaintCaseModel[] {
    return parent.caseIds.map((caseId) => ({ id: caseId }));
  }

  @ResolveField(() => [ComplaintTimelineEntryModel], {
    description: 'Everything that happened to the complaint, oldest first.',
  })
  async timeline(@Parent() parent: ComplaintModel, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.timeline(parent.id, principal)).map((entry) =>
      ComplaintTimelineEntryModel.from(entry, principal),
    );
  }

  @Mutation(() => ComplaintModel, {
    description: 'Records a complaint (staff) or files one through the public form (citizen, professional).',
  })
  @Roles(...COMPLAINT_STAFF, ...COMPLAINANTS)
  async openComplaint(
    @Args('input', { description: 'The complaint as recorded or filed.' }) input: OpenComplaintBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(await this.commands.open(openCommand(input), principal, correlationId), principal);
  }

  @Mutation(() => ComplaintModel, { description: 'Acknowledges the current stage.' })
  @Roles(...COMPLAINT_STAFF)
  async acknowledgeComplaint(
    @id() complaintId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.acknowledge(assertUuid(complaintId), principal, correlationId),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: 'Starts investigating the current stage.' })
  @Roles(...COMPLAINT_STAFF)
  async startComplaintInvestigation(
    @id() complaintId: string,
    @NullableArgs('input', () => StartInvestigationBody, {
      description: 'A change of investigating officer, if any; may be left out.',
    })
    input: StartInvestigationBody | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.startInvestigation(
        assertUuid(complaintId),
        input?.investigatingOfficer ?? undefined,
        principal,
        correlationId,
      ),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, {
    description: 'Drafts the response of the current stage, from a template or from scratch.',
  })
  @Roles(...COMPLAINT_STAFF)
  async draftComplaintResponse(
    @id() complaintId: string,
    @Args('input', { description: 'A template (with findings) or the text of the draft.' }) input: DraftResponseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.draftResponse(assertUuid(complaintId), defined(input), principal, correlationId),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: 'Sends the reviewed response with the stage outcome.' })
  @Roles(...COMPLAINT_STAFF)
  async sendComplaintResponse(
    @id() complaintId: string,
    @Args('input', { description: 'The stage outcome, and the final wording if it differs from the draft.' })
    input: SendResponseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.sendResponse(
        assertUuid(complaintId),
        input.outcome,
        input.text ?? undefined,
        principal,
        correlationId,
      ),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, {
    description:
      'Escalates an answered complaint to the next stage: 2 (senior manager review) or 3 (customer investigations appeal), each with a new clock.',
  })
  @Roles(...COMPLAINT_STAFF)
  async escalateComplaint(
    @id() complaintId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.escalate(assertUuid(complaintId), principal, correlationId),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: 'Agrees a remedy; financial ones are handed to payments.' })
  @Roles(...COMPLAINT_STAFF)
  async agreeComplaintRemedy(
    @id() complaintId: string,
    @Args('input', {
      description:
        'The kind of remedy and what that kind needs: an amount and a case for a refund (a fee code too for a fee waiver), a description for an apology, explanation or corrective action.',
    })
    input: AgreeRemedyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.agreeRemedy(assertUuid(complaintId), defined(input), principal, correlationId),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, {
    description: 'Flags a personal-data breach: starts the 72-hour clock and notifies information assurance, once.',
  })
  @Roles(...COMPLAINT_STAFF)
  async flagComplaintDataBreach(
    @id() complaintId: string,
    @NullableArgs('input', () => FlagBreachBody, {
      description: 'When the service became aware of the breach; may be left out, meaning now.',
    })
    input: FlagBreachBody | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.flagBreach(
        assertUuid(complaintId),
        optionalInstant(input?.awareAt),
        principal,
        correlationId,
      ),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: 'Records whether the breach is reportable to the regulator.' })
  @Roles(...COMPLAINT_STAFF)
  async decideComplaintDataBreach(
    @id() complaintId: string,
    @Args('input', { description: 'Whether the breach is reportable, and why.' }) input: BreachDecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.decideBreach(
        assertUuid(complaintId),
        input.reportable,
        input.reason,
        principal,
        correlationId,
      ),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: 'Closes an answered complaint with its root cause.' })
  @Roles(...COMPLAINT_STAFF)
  async closeComplaint(
    @id() complaintId: string,
    @Args('input', { description: 'The root cause: the business area it is fed back to, and what went wrong.' })
    input: CloseComplaintBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.close(
        assertUuid(complaintId),
        input.businessArea,
        input.causeCategory,
        principal,
        correlationId,
      ),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: 'Records that the Ombudsman took the complaint on after stage 3.' })
  @Roles(...COMPLAINT_STAFF)
  async referComplaintToOmbudsman(
    @id() complaintId: string,
    @Args('input', { description: "The Ombudsman's own reference for the complaint." }) input: OmbudsmanReferralBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.referToOmbudsman(assertUuid(complaintId), input.ombudsmanReference, principal, correlationId),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: 'Records an enquiry from the Ombudsman.' })
  @Roles(...COMPLAINT_STAFF)
  async recordOmbudsmanEnquiry(
    @id() complaintId: string,
    @Args('input', { description: 'What the Ombudsman asked.' }) input: OmbudsmanEnquiryBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.recordOmbudsmanEnquiry(assertUuid(complaintId), input.text, principal, correlationId),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, {
    description: "Records the answer to every one of the Ombudsman's enquiries still waiting for one.",
  })
  @Roles(...COMPLAINT_STAFF)
  async answerOmbudsmanEnquiries(
    @id() complaintId: string,
    @Args('input', { description: 'What was sent to the Ombudsman.' }) input: OmbudsmanAnswerBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.answerOmbudsmanEnquiries(assertUuid(complaintId), input.text, principal, correlationId),
      principal,
    );
  }

  @Mutation(() => ComplaintModel, { description: "Records the Ombudsman's outcome." })
  @Roles(...COMPLAINT_STAFF)
  async recordOmbudsmanOutcome(
    @id() complaintId: string,
    @Args('input', { description: "The Ombudsman's outcome: upheld, partially-upheld or not-upheld." })
    input: OmbudsmanOutcomeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return ComplaintModel.from(
      await this.commands.recordOmbudsmanOutcome(assertUuid(complaintId), input.outcome, principal, correlationId),
      principal,
    );
  }
}

/**
 * Adds `complaints` to the cases service's Case. No guard runs on an entity's fields reached
 * through `_entities`, so access is applied in ComplaintQueries.forCases; a page of cases is one
 * batch through the request's DataLoader.
 */
@Resolver(() => ComplaintCaseModel)
export class CaseComplaintsResolver {
  constructor(private readonly queries: ComplaintQueries) {}

  @ResolveField(() => [ComplaintModel], {
    description: 'The complaints about the case that the caller may see, oldest first.',
  })
  async complaints(@Parent() parent: ComplaintCaseModel, @Context() context: { req: AuthenticatedRequest }) {
    const complaints = await loadForCaller(context, 'case-complaints', parent.id, (caseIds, principal) =>
      this.queries.forCases(caseIds, principal),
    );
    return (complaints ?? []).map((c) => ComplaintModel.from(c, principalOf(context)));
  }

  /** Only the key is known here; access is applied by the field resolver above, which sees the principal. */
  @ResolveReference()
  resolveReference(reference: { id: string }): ComplaintCaseModel {
    return { id: reference.id };
  }
}
