import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { pageSize } from '@ccsc/platform';
import { EnquiryModel, EnquiryPageModel } from '../../enquiry/api/enquiry.model';
import { ENQUIRY_READERS } from '../../roles';
import { EnquirySearch } from '../application/enquiry-search.queries';
import { SearchEnquiriesParams } from './enquiry-search.inputs';

/**
 * Partner and officer REST search. Its path also matches `GET /api/v1/queries/enquiries/:id`, so this
 * controller is registered before that one (queries.module.ts), or "search" is read as an id.
 */
@ApiTags('queries')
@Controller('api/v1/queries/enquiries/search')
export class EnquirySearchController {
  constructor(private readonly search: EnquirySearch) {}

  @Get()
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({
    summary:
      'Search the enquiries you may see by reference, contact name, email or phone, case reference, status, channel or dates, newest first',
  })
  @ApiOkResponse({ type: EnquiryPageModel })
  @ApiBadRequestResponse({ description: 'No criterion, or a malformed one (problem+json with field errors)' })
  async find(
    @Query() params: SearchEnquiriesParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnquiryPageModel> {
    const { limit, cursor, ...criteria } = params;
    const page = await this.search.searchEnquiries(criteria, principal, pageSize(limit, 'limit'), cursor, 'cursor');
    return { items: page.items.map((e) => EnquiryModel.from(e, principal)), nextCursor: page.nextCursor };
  }
}
