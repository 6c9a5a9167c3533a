import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@ccsc/auth';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { EnquiryCorrespondenceQueries } from '../application/enquiry-correspondence.queries';
import { EnquiryCorrespondenceItemModel } from './enquiry-correspondence-item.model';

/** The enquiry's correspondence on the enquiry, for the same readers as its REST route. */
@Resolver(() => EnquiryModel)
export class EnquiryCorrespondenceResolver {
  constructor(private readonly queries: EnquiryCorrespondenceQueries) {}

  @ResolveField(() => [EnquiryCorrespondenceItemModel], {
    description: "The emails and texts to the enquiry's contact, oldest first: for staff and for that contact.",
  })
  async correspondence(@Parent() parent: EnquiryModel, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forEnquiry(parent.id, principal)).map(EnquiryCorrespondenceItemModel.from);
  }
}
