import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { pageSize } from '@ccsc/platform';
import { ComplaintModel, ComplaintPageModel } from '../../complaint/api/complaint.model';
import { COMPLAINT_READERS } from '../../roles';
import { ComplaintSearch } from '../application/complaint-search.queries';
import { SearchComplaintsParams } from './complaint-search.inputs';

/**
 * Partner and staff REST search. Its path is also a match for ComplaintController's
 * `GET /api/v1/complaints/:id`, so this controller must be registered before that one, or "search" is
 * read as a complaint id.
 */
@ApiTags('complaints')
@Controller('api/v1/complaints/search')
export class ComplaintSearchController {
  constructor(private readonly search: ComplaintSearch) {}

  @Get()
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({
    summary:
      'Search the complaints you may see by reference, complainant name, case reference, stage, status or received days, newest first',
  })
  @ApiOkResponse({ type: ComplaintPageModel })
  @ApiBadRequestResponse({ description: 'No criterion, or a malformed one (problem+json with field errors)' })
  async find(
    @Query() params: SearchComplaintsParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintPageModel> {
    const { limit, cursor, ...criteria } = params;
    const page = await this.search.searchComplaints(criteria, principal, pageSize(limit, 'limit'), cursor, 'cursor');
    return { items: page.items.map((c) => ComplaintModel.from(c, principal)), nextCursor: page.nextCursor };
  }
}
