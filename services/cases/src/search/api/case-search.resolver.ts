import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from '@ccsc/platform';
import { CaseConnection, CaseModel } from '../../case/api/case.model';
import { CASE_READERS } from '../../roles';
import { CaseSearch } from '../application/case-search.queries';
import { CaseSearchInput } from './case-search.inputs';
import { PAGE_AFTER } from '../../api-descriptions';

@Resolver()
export class CaseSearchResolver {
  constructor(private readonly search: CaseSearch) {}

  @Query(() => CaseConnection, {
    description: 'The cases the caller may see that match every given criterion, newest first.',
  })
  @Roles(...CASE_READERS)
  async searchCases(
    @CurrentPrincipal() principal: Principal,
    @Args('criteria', { description: 'What to search by: at least one criterion; a case must match every one given.' })
    criteria: CaseSearchInput,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', { nullable: true, description: PAGE_AFTER }) after?: string,
  ) {
    const page = await this.search.searchCases(criteria, principal, pageSize(first), after ?? undefined);
    // The viewer decides which party details the model shows, as for every other read of a case.
    return toConnection(page, (c) => CaseModel.from(c, principal));
  }
}
