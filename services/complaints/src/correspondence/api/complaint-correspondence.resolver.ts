import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@ccsc/auth';
import { ComplaintModel } from '../../complaint/api/complaint.model';
import { ComplaintCorrespondenceQueries } from '../application/complaint-correspondence.queries';
import { ComplaintCorrespondenceItemModel } from './complaint-correspondence-item.model';

/** The complaint's correspondence on the complaint, for the same readers as its REST route. */
@Resolver(() => ComplaintModel)
export class ComplaintCorrespondenceResolver {
  constructor(private readonly queries: ComplaintCorrespondenceQueries) {}

  @ResolveField(() => [ComplaintCorrespondenceItemModel], {
    description: "The letters and emails to the complainant, oldest first: for staff and for the complainant's side.",
  })
  async correspondence(@Parent() parent: ComplaintModel, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forComplaint(parent.id, principal)).map(ComplaintCorrespondenceItemModel.from);
  }
}
