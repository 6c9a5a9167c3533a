import { Args, Int, Mutation, Query as GqlQuery, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { FEE_KEEPERS, FEE_READERS } from '../../roles';
import { FeeCommands } from '../application/fee.commands';
import { FeeQueries } from '../application/fee.queries';
import { day, feeAmount, feeCode, FeeDecisionBody, FeeLookupArgs, ProposeFeeVersionBody } from './fee.inputs';
import { FeeQuoteModel, FeeVersionModel } from './fee.model';

@Resolver(() => FeeVersionModel)
export class FeeResolver {
  constructor(
    private readonly queries: FeeQueries,
    private readonly commands: FeeCommands,
  ) {}

  @GqlQuery(() => [FeeQuoteModel], {
    description:
      'The fees in force on a day for a service, jurisdiction, channel and event, each priced for the claim amount given (ranged fees at their least without one). Empty when none matches.',
  })
  @Roles(...FEE_READERS)
  async feeLookup(@Args() args: FeeLookupArgs) {
    const { claimAmountPence, on, channel, ...criteria } = args;
    const onDay = day(on ?? undefined, 'on');
    const wanted = { ...criteria, channel: channel ?? 'default' };
    const found = await this.queries.lookup(wanted, claimAmountPence ?? undefined, onDay);
    return found.map(FeeQuoteModel.from);
  }

  @Mutation(() => FeeVersionModel, {
    description: 'Proposes a new amount for a fee from a day on; it applies once a second person approves it.',
  })
  @Roles(...FEE_KEEPERS)
  async proposeFeeVersion(
    @Args('code', { description: 'The fee code, e.g. FEE0202.' }) code: string,
    @Args('input', { description: 'The new amount and the day it applies from.' }) input: ProposeFeeVersionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const proposal = {
      code: feeCode(code),
      amount: feeAmount(input.amount),
      validFrom: day(input.validFrom, 'validFrom'),
      description: input.description ?? undefined,
    };
    return FeeVersionModel.from(await this.commands.propose(proposal, principal));
  }

  @Mutation(() => FeeVersionModel, { description: 'Approves or rejects a proposed fee version (never the proposer).' })
  @Roles(...FEE_KEEPERS)
  async decideFeeVersion(
    @Args('code', { description: 'The fee code, e.g. FEE0202.' }) code: string,
    @Args('version', { type: () => Int, description: 'The proposed version, as `proposeFeeVersion` answered it.' })
    version: number,
    @Args('input', { description: 'Approve or reject.' }) input: FeeDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return FeeVersionModel.from(await this.commands.decide(feeCode(code), version, input.approve, principal));
  }
}
