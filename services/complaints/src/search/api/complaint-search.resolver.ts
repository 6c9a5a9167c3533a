import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from '@ccsc/platform';
import { ComplaintConnection, ComplaintModel } from '../../complaint/api/complaint.model';
import { COMPLAINT_READERS } from '../../roles';
import { ComplaintSearch } from '../application/complaint-search.queries';
import { ComplaintSearchInput } from './complaint-search.inputs';

@Resolver()
export class ComplaintSearchResolver {
  constructor(private readonly search: ComplaintSearch) {}

  @Query(() => ComplaintConnection, {
    description:
      'The complaints the caller may see that match every given criterion, newest recorded first: among every complaint for complaints staff and caseworkers, among their own for a citizen or a firm.',
  })
  @Roles(...COMPLAINT_READERS)
  async searchComplaints(
    @CurrentPrincipal() principal: Principal,
    @Args('criteria', {
      description: 'What to search by: at least one criterion; a complaint must match every one given.',
    })
    criteria: ComplaintSearchInput,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', {
      nullable: true,
      description: "The previous page's `pageInfo.endCursor`; the first page when not given.",
    })
    after?: string,
  ) {
    const page = await this.search.searchComplaints(criteria, principal, pageSize(first), after ?? undefined);
    return toConnection(page, (c) => ComplaintModel.from(c, principal));
  }
}
