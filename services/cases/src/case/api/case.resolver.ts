import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import {
  AuthenticatedRequest,
  CorrelationId,
  CurrentPrincipal,
  loadForCaller,
  Principal,
  principalOf,
  Roles,
} from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from '@ccsc/platform';
import { CaseCommands } from '../application/case.commands';
import { CaseQueries } from '../application/case.queries';
import { CaseConnection, CaseModel, CaseTypeModel, HistoryEntryModel, ReadinessModel } from './case.model';
import { CaseFilterInput, CreateCaseInput, LanguageEnum, TriggerCaseEventInput } from './case.inputs';
import type { Language } from '../../case-type/domain/readiness';
import { CASE_TYPES } from '../../case-type/case-types';
import { TimelineEntryModel } from '../../timeline/api/timeline.model';
import { TimelineQueries } from '../../timeline/application/timeline.queries';
import { CASE_CREATORS, CASE_EVENT_TRIGGERERS, CASE_READERS } from '../../roles';
import { checkedKinds, TIMELINE_KINDS } from '../../timeline/domain/timeline-kind';
import { CASE_ID, EVENT_ID, PAGE_AFTER } from '../../api-descriptions';

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
    private readonly timelines: TimelineQueries,
  ) {}

  @Query(() => CaseModel, { description: 'A case by id.' })
  @Roles(...CASE_READERS)
  async case(
    @Args('id', { type: () => ID, description: CASE_ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return CaseModel.from(await this.queries.get(assertUuid(id), principal), principal);
  }

  @Query(() => CaseModel, { description: 'A case by its 16-digit reference, with or without dashes.' })
  @Roles(...CASE_READERS)
  async caseByReference(
    @Args('reference', {
      description: 'The 16-digit case reference, e.g. 1234-5678-9012-3452; dashes and spaces are optional.',
    })
    reference: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return CaseModel.from(await this.queries.getByReference(reference, principal), principal);
  }

  @Query(() => CaseConnection, { description: 'The cases the caller may see, newest first.' })
  @Roles(...CASE_READERS)
  async cases(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true, description: 'Only cases that match every criterion given; all when absent.' })
    filter?: CaseFilterInput,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', { nullable: true, description: PAGE_AFTER }) after?: string,
  ) {
    const page = await this.queries.list(filter ?? {}, principal, pageSize(first), after);
    return toConnection(page, (c) => CaseModel.from(c, principal));
  }

  @Mutation(() => CaseModel, { description: 'Opens a case in its initial state.' })
  @Roles(...CASE_CREATORS)
  async createCase(
    @Args('input', {
      description: 'The case to open: its type, its parties and, for a money claim, the amount claimed.',
    })
    input: CreateCaseInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return CaseModel.from(await this.commands.create(input, principal, correlationId), principal);
  }

  @Mutation(() => CaseModel, {
    description:
      "Triggers an event of the case's type, if the case is ready for it: staff by role, anyone else for a party whose role the event names.",
  })
  @Roles(...CASE_EVENT_TRIGGERERS)
  async triggerCaseEvent(
    @Args('input', { description: 'The case, the event to trigger, and why.' }) input: TriggerCaseEventInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return CaseModel.from(
      await this.commands.triggerEvent(input.caseId, input.event, principal, {
        reason: input.reason,
        until: input.until ?? undefined,
        correlationId,
      }),
      principal,
    );
  }

  @ResolveField(() => ReadinessModel, {
    description:
      'Whether the case is ready for an event, and what is missing. For staff and the side that pays the case fees; anyone else is refused (FORBIDDEN).',
  })
  async readiness(
    @Parent() parent: CaseModel,
    @Args('event', { description: `The event to assess the case for. ${EVENT_ID}` }) event: string,
    @CurrentPrincipal() principal: Principal,
    @Args('language', {
      type: () => LanguageEnum,
      nullable: true,
      defaultValue: 'en',
      description: 'The language of the criteria and of `whatHappensNext`.',
    })
    language: Language = 'en',
  ) {
    return ReadinessModel.from(await this.queries.readiness(parent.id, event, principal, language));
  }

  @ResolveField(() => [HistoryEntryModel], { description: 'Every state change: what, who, when and why.' })
  async history(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return this.queries.history(parent.id, principal);
  }

  @Query(() => [CaseTypeModel], {
    description: 'The case types the service administers, with their states and events.',
  })
  @Roles(...CASE_READERS)
  caseTypes() {
    return CASE_TYPES.map(CaseTypeModel.from);
  }

  @ResolveField(() => [TimelineEntryModel], {
    description: 'Everything that happened to the case, from any service, oldest first.',
  })
  async timeline(
    @Parent() parent: CaseModel,
    @CurrentPrincipal() principal: Principal,
    @Args('kinds', {
      type: () => [String],
      nullable: true,
      description: `Only these kinds: ${TIMELINE_KINDS.join(', ')}.`,
    })
    kinds?: string[],
  ) {
    return this.timelines.forCase(await this.queries.get(parent.id, principal), principal, checkedKinds(kinds));
  }

  /**
   * Federation's entry point (`_entities`). Guards do not run on reference resolvers, so access
   * is applied here: a case the caller may not see resolves to null.
   */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: { req: AuthenticatedRequest }) {
    const found = await loadForCaller(context, 'cases', reference.id, (ids, principal) =>
      this.queries.getMany(ids, principal),
    );
    return found && CaseModel.from(found, principalOf(context));
  }
}
