import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from '@ccsc/platform';
import { EnquiryConnection, EnquiryModel } from '../../enquiry/api/enquiry.model';
import { ENQUIRY_READERS } from '../../roles';
import { EnquirySearch } from '../application/enquiry-search.queries';
import { EnquirySearchInput } from './enquiry-search.inputs';

@Resolver()
export class EnquirySearchResolver {
  constructor(private readonly search: EnquirySearch) {}

  @Query(() => EnquiryConnection, {
    description: 'The enquiries the caller may see that match every given criterion, newest first.',
  })
  @Roles(...ENQUIRY_READERS)
  async searchEnquiries(
    @CurrentPrincipal() principal: Principal,
    @Args('criteria', {
      description: 'What to search by: at least one criterion; an enquiry must match every one given.',
    })
    criteria: EnquirySearchInput,
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
    const page = await this.search.searchEnquiries(criteria, principal, pageSize(first), after ?? undefined);
    return toConnection(page, (e) => EnquiryModel.from(e, principal));
  }
}
