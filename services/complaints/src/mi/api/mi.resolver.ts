import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@ccsc/auth';
import { MI_READERS } from '../../roles';
import { ComplaintMiQueries } from '../application/mi.queries';
import { ComplaintMiArgs } from './mi.inputs';
import { ComplaintMiModel } from './mi.model';

@Resolver(() => ComplaintMiModel)
export class ComplaintMiResolver {
  constructor(private readonly mi: ComplaintMiQueries) {}

  @Query(() => ComplaintMiModel, {
    description:
      'Complaint figures for a London day or month: received, answered on time per stage, upheld rate by category and area.',
  })
  @Roles(...MI_READERS)
  complaintsMi(@Args() args: ComplaintMiArgs) {
    return this.mi.figures(args.period, args.start);
  }
}
