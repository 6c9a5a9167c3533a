import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@ccsc/auth';
import { OFFICERS } from '../../roles';
import { ReportingQueries } from '../application/reporting.queries';
import { EnquiryFiguresModel } from './reporting.model';

@Resolver()
export class ReportingResolver {
  constructor(private readonly queries: ReportingQueries) {}

  @Query(() => [EnquiryFiguresModel], {
    description:
      'Volumes, first-contact resolution, SLA compliance and handling time per day, team, channel and category.',
  })
  @Roles(...OFFICERS)
  enquiryFigures(
    @Args('from', { description: 'First London day, YYYY-MM-DD.' }) from: string,
    @Args('to', { description: 'Last London day, YYYY-MM-DD.' }) to: string,
  ) {
    return this.queries.enquiryFigures(from, to);
  }
}
