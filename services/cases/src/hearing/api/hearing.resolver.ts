import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles, CorrelationId } from '@ccsc/auth';
import { CaseModel } from '../../case/api/case.model';
import { HearingCommands } from '../application/hearing.commands';
import { HearingQueries } from '../application/hearing.queries';
import { LanguageEnum } from '../../case/api/case.inputs';
import type { Language } from '../../case-type/domain/readiness';
import { goingAheadAnswer } from '../domain/hearing';
import { HearingModel } from './hearing.model';
import {
  HearingsAtVenueArgs,
  ListHearingInput,
  listingCommand,
  statusChange,
  UpdateHearingStatusInput,
} from './hearing.inputs';
import { HEARING_STAFF } from '../../roles';

@Resolver(() => HearingModel)
export class HearingResolver {
  constructor(
    private readonly commands: HearingCommands,
    private readonly queries: HearingQueries,
  ) {}

  @Mutation(() => HearingModel, { description: 'Lists a hearing for a case.' })
  @Roles(...HEARING_STAFF)
  async listHearing(
    @Args('input', { description: 'The case, and when and where the hearing is.' }) input: ListHearingInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return HearingModel.from(
      await this.commands.list(listingCommand(input.caseId, input), principal, { correlationId }),
    );
  }

  @Mutation(() => HearingModel, {
    description:
      'Records how a hearing stands on the day: running late, in progress, adjourned, vacated, completed, or relisted.',
  })
  @Roles(...HEARING_STAFF)
  async updateHearingStatus(
    @Args('input', { description: 'The hearing, and how it stands now.' }) input: UpdateHearingStatusInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const change = statusChange(input);
    return HearingModel.from(await this.commands.changeStatus(input.hearingId, change, principal, { correlationId }));
  }

  @ResolveField(() => String, {
    description:
      'Is it going ahead? `yes`, `yes, running about 30 minutes late`, `no: adjourned because …`, in English or Welsh.',
  })
  goingAhead(
    @Parent() hearing: HearingModel,
    @Args('language', {
      type: () => LanguageEnum,
      nullable: true,
      defaultValue: 'en',
      description: 'The language of the answer: English (en) or Welsh (cy).',
    })
    language: Language | null,
  ): string {
    // From the fields the model carries, so an answer replayed for an Idempotency-Key reads the same.
    return goingAheadAnswer(hearing)[language ?? 'en'];
  }

  @Query(() => [HearingModel], { description: "A venue's hearings on a day in England, soonest first." })
  @Roles(...HEARING_STAFF)
  async hearingsAtVenue(@Args() args: HearingsAtVenueArgs, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.atVenue(args.venueId, args.date, principal)).map((hearing) =>
      HearingModel.from(hearing),
    );
  }
}

/** Adds `hearings` to the Case type; the case's own resolver stays unaware of hearings. */
@Resolver(() => CaseModel)
export class CaseHearingsResolver {
  constructor(private readonly queries: HearingQueries) {}

  @ResolveField(() => [HearingModel], { description: 'The hearings of the case, soonest first.' })
  async hearings(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forCase(parent.id, principal)).map((hearing) => HearingModel.from(hearing));
  }
}
