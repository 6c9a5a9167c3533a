import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { loadForCaller, type AuthenticatedRequest } from '@ccsc/auth';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { EnquiryCorrespondenceQueries } from '../application/enquiry-correspondence.queries';
import { EnquiryCorrespondenceItemModel } from './enquiry-correspondence-item.model';

/** The enquiry's correspondence on the enquiry, for the same readers as its REST route. */
@Resolver(() => EnquiryModel)
export class EnquiryCorrespondenceResolver {
  constructor(private readonly queries: EnquiryCorrespondenceQueries) {}

  /** A page of enquiries asking for their correspondence is one batch through the request's DataLoader. */
  @ResolveField(() => [EnquiryCorrespondenceItemModel], {
    description: "The emails and texts to the enquiry's contact, oldest first: for staff and for that contact.",
  })
  async correspondence(@Parent() parent: EnquiryModel, @Context() context: { req: AuthenticatedRequest }) {
    const items = await loadForCaller(context, 'enquiry-correspondence', parent.id, (ids, principal) =>
      this.queries.forEnquiries(ids, principal),
    );
    return (items ?? []).map(EnquiryCorrespondenceItemModel.from);
  }
}
