import { Args, Query as GqlQuery, Resolver } from '@nestjs/graphql';
import { Roles } from '@ccsc/auth';
import { FEE_READERS } from '../../roles';
import { FeeQueries } from '../application/fee.queries';
import { day, FeeLookupArgs } from './fee.inputs';
import { FeeQuoteModel, FeeVersionModel } from './fee.model';

@Resolver(() => FeeVersionModel)
export class FeeResolver {
  constructor(private readonly queries: FeeQueries) {}

  @GqlQuery(() => [FeeQuoteModel], {
    description: 'The fees in force for a service, jurisdiction, channel and event, priced for the claim amount.',
  })
  @Roles(...FEE_READERS)
  async feeLookup(@Args() args: FeeLookupArgs) {
    const { claimAmountPence, on, channel, ...criteria } = args;
    const onDay = day(on ?? undefined, 'on');
    const wanted = { ...criteria, channel: channel ?? 'default' };
    const found = await this.queries.lookup(wanted, claimAmountPence ?? undefined, onDay);
    return found.map(FeeQuoteModel.from);
  }
}
