import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { pageSize } from '@ccsc/platform';
import { CaseModel, CasePageModel } from '../../case/api/case.model';
import { CASE_READERS } from '../../roles';
import { CaseSearch } from '../application/case-search.queries';
import { SearchCasesParams } from './case-search.inputs';

/**
 * Partner REST search. Its path is also a match for CaseController's `GET /api/v1/cases/:idOrReference`,
 * so this controller must be registered before that one, or "search" is read as a case reference.
 */
@ApiTags('cases')
@Controller('api/v1/cases/search')
export class CaseSearchController {
  constructor(private readonly search: CaseSearch) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'Search the cases you may see by reference, party name, postcode, state or case type, newest first',
  })
  @ApiOkResponse({ type: CasePageModel })
  @ApiBadRequestResponse({ description: 'No criterion, or a malformed one (problem+json with field errors)' })
  async find(@Query() params: SearchCasesParams, @CurrentPrincipal() principal: Principal): Promise<CasePageModel> {
    const { limit, cursor, ...criteria } = params;
    const page = await this.search.searchCases(criteria, principal, pageSize(limit, 'limit'), cursor, 'cursor');
    return { items: page.items.map((c) => CaseModel.from(c, principal)), nextCursor: page.nextCursor };
  }
}
