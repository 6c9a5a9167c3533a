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
import { AuthenticatedRequest, CorrelationId, CurrentPrincipal, hasRole, isStaff, Principal, Roles } from '@ccsc/auth';
import {
  assertUuid,
  BadUserInputError,
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
  MAX_PAGE_SIZE,
  pageSize,
  requestLoader,
  toConnection,
  UnauthenticatedError,
} from '@ccsc/platform';
import { EnquiryCommands } from '../application/enquiry.commands';
import { EnquiryQueries } from '../application/enquiry.queries';
import { ENQUIRY_STATUSES, type EnquiryRecord, type EnquiryStatus } from '../domain/enquiry';
import {
  CaseReference,
  EnquiryConnection,
  EnquiryHistoryEntryModel,
  EnquiryMessageModel,
  EnquiryModel,
} from './enquiry.model';
import {
  AddEnquiryMessageInput,
  ChangeEnquiryStatusInput,
  ConvertEnquiryToComplaintInput,
  ENQUIRY_ID,
  IdentifyAssistedDigitalNeedInput,
  messageCommand,
  RaiseEnquiryInput,
  raiseCommand,
} from './enquiry.inputs';
import { ENQUIRY_READERS, OFFICERS } from '../../roles';

@Resolver(() => EnquiryModel)
export class EnquiryResolver {
  constructor(
    private readonly commands: EnquiryCommands,
    private readonly queries: EnquiryQueries,
  ) {}

  @Query(() => EnquiryModel, { description: 'An enquiry by id.' })
  @Roles(...ENQUIRY_READERS)
  async enquiry(
    @Args('id', { type: () => ID, description: ENQUIRY_ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return EnquiryModel.from(await this.queries.get(assertUuid(id), principal), principal);
  }

  @Query(() => EnquiryConnection, { description: 'The enquiries the caller may see, newest first.' })
  @Roles(...ENQUIRY_READERS)
  async enquiries(
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
      description: "The previous page's `pageInfo.endCursor`; leave out for the first page.",
    })
    after?: string,
    @Args('status', { nullable: true, description: `One of ${ENQUIRY_STATUSES.join(', ')}.` }) status?: string,
  ) {
    if (status != null && !(ENQUIRY_STATUSES as readonly string[]).includes(status)) {
      throw new BadUserInputError('Invalid status', [
        { field: 'status', message: `must be one of ${ENQUIRY_STATUSES.join(', ')}` },
      ]);
    }
    const page = await this.queries.list(
      principal,
      pageSize(first),
      after ?? undefined,
      (status ?? undefined) as EnquiryStatus | undefined,
    );
    return toConnection(page, (enquiry) => EnquiryModel.from(enquiry, principal));
  }

  @Mutation(() => EnquiryModel, {
    description: 'Raises an enquiry: it is triaged by the rules and its SLA clocks start.',
  })
  @Roles(...ENQUIRY_READERS)
  async raiseEnquiry(
    @Args('input', { description: 'The enquiry and its first message.' }) input: RaiseEnquiryInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(await this.commands.raise(raiseCommand(input), principal, correlationId), principal);
  }

  @Mutation(() => EnquiryModel, { description: "Adds a message to an enquiry's thread." })
  @Roles(...ENQUIRY_READERS)
  async addEnquiryMessage(
    @Args('input', { description: 'The enquiry and the message.' }) input: AddEnquiryMessageInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.addMessage(input.enquiryId, messageCommand(input), principal, correlationId),
      principal,
    );
  }

  @Mutation(() => EnquiryModel, {
    description: 'Puts an enquiry to waiting for the customer (its clocks pause), resolved or closed.',
  })
  @Roles(...OFFICERS)
  async changeEnquiryStatus(
    @Args('input', { description: 'The enquiry, its new status and why.' }) input: ChangeEnquiryStatusInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.changeStatus(
        input.enquiryId,
        input.status,
        principal,
        input.reason ?? undefined,
        correlationId,
      ),
      principal,
    );
  }

  @Mutation(() => EnquiryModel, {
    description: 'Turns an enquiry into a complaint (complaints opens it) and closes the enquiry.',
  })
  @Roles(...OFFICERS)
  async convertEnquiryToComplaint(
    @Args('input', { description: 'The enquiry and why it is a complaint.' }) input: ConvertEnquiryToComplaintInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.convertToComplaint(input.enquiryId, input.reason, principal, correlationId),
      principal,
    );
  }

  @Mutation(() => EnquiryModel, { description: 'Tells the linked case that the user needs assisted-digital help.' })
  @Roles(...OFFICERS)
  async identifyAssistedDigitalNeed(
    @Args('input', { description: 'The enquiry and the needs spotted.' }) input: IdentifyAssistedDigitalNeedInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return EnquiryModel.from(
      await this.commands.identifyAssistedDigitalNeed(input.enquiryId, input.needs, principal, correlationId),
      principal,
    );
  }

  /** The gateway fetches the case's fields from cases, which applies its own access rule to them. */
  @ResolveField(() => CaseReference, { nullable: true, description: 'The case the enquiry is about.' })
  case(@Parent() parent: EnquiryModel): CaseReference | null {
    return parent.caseId ? { id: parent.caseId } : null;
  }

  @ResolveField(() => [EnquiryMessageModel], { description: 'The thread, oldest first.' })
  async messages(@Parent() parent: EnquiryModel, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.messages(parent.id, principal)).map(EnquiryMessageModel.from);
  }

  @ResolveField(() => [EnquiryHistoryEntryModel], {
    description: 'Every change: status, triage, allocation, escalation, conversion (staff only: it names officers).',
  })
  async history(@Parent() parent: EnquiryModel, @CurrentPrincipal() principal: Principal) {
    // Exception filters do not run on field resolvers, so the error is given its GraphQL shape here.
    if (!isStaff(principal)) throw new ForbiddenError("Only the service centre sees an enquiry's history");
    return (await this.queries.history(parent.id, principal)).map(EnquiryHistoryEntryModel.from);
  }
}

/** Adds `enquiries` to the cases subgraph's Case. */
@Resolver(() => CaseReference)
export class CaseEnquiriesResolver {
  constructor(private readonly queries: EnquiryQueries) {}

  /** Only the id is known here; nothing about the case is revealed by resolving it. */
  @ResolveReference()
  resolveReference(reference: { id: string }): CaseReference {
    return { id: reference.id };
  }

  /**
   * Batched per request: the enquiries of every case in the response come from one query, with
   * the caller's access applied in it (guards do not run on entity fields reached through `_entities`).
   */
  @ResolveField(() => [EnquiryModel], {
    description: 'The enquiries about this case that the caller may see, newest first, with their SLA state.',
  })
  async enquiries(@Parent() parent: CaseReference, @Context() context: { req: AuthenticatedRequest }) {
    const principal = context.req.principal;
    if (!principal) throw new UnauthenticatedError();
    // The field admits the roles that may read enquiries directly (guards do not run here either).
    if (!hasRole(principal, ...ENQUIRY_READERS)) return [];
    const loader = requestLoader<EnquiryRecord[]>(context, 'case-enquiries', (ids) =>
      this.queries.forCases(ids, principal),
    );
    return ((await loader.load(parent.id)) ?? []).map((enquiry) => EnquiryModel.from(enquiry, principal));
  }
}
