import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { loadForCaller, type AuthenticatedRequest } from '@ccsc/auth';
import { ComplaintModel } from '../../complaint/api/complaint.model';
import { ComplaintCorrespondenceQueries } from '../application/complaint-correspondence.queries';
import { ComplaintCorrespondenceItemModel } from './complaint-correspondence-item.model';

/** The complaint's correspondence on the complaint, for the same readers as its REST route. */
@Resolver(() => ComplaintModel)
export class ComplaintCorrespondenceResolver {
  constructor(private readonly queries: ComplaintCorrespondenceQueries) {}

  /** A page of complaints asking for their correspondence is one batch through the request's DataLoader. */
  @ResolveField(() => [ComplaintCorrespondenceItemModel], {
    description: "The letters and emails to the complainant, oldest first: for staff and for the complainant's side.",
  })
  async correspondence(@Parent() parent: ComplaintModel, @Context() context: { req: AuthenticatedRequest }) {
    const items = await loadForCaller(context, 'complaint-correspondence', parent.id, (ids, principal) =>
      this.queries.forComplaints(ids, principal),
    );
    return (items ?? []).map(ComplaintCorrespondenceItemModel.from);
  }
}
