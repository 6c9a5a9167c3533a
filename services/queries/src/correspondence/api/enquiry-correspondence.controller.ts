import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DeliveryReceiptRoute, DeliveryReceipts } from '@ccsc/correspondence/outbox';
import { assertUuid } from '@ccsc/platform';
import { ENQUIRY_READERS } from '../../roles';
import { EnquiryCorrespondenceQueries } from '../application/enquiry-correspondence.queries';
import { EnquiryCorrespondenceItemModel } from './enquiry-correspondence-item.model';

/** Emails and texts to enquiries' contacts: who may read them, and Notify's receipts. */
@ApiTags('queries')
@Controller('api/v1/queries')
export class EnquiryCorrespondenceController {
  constructor(
    private readonly queries: EnquiryCorrespondenceQueries,
    private readonly receipts: DeliveryReceipts,
  ) {}

  @Get('enquiries/:id/correspondence')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({
    summary: "What was sent to the enquiry's contact (its acknowledgement), oldest first",
    description: 'Read by whoever may see the enquiry: staff, and the citizen or firm whose contact it is.',
  })
  @ApiOkResponse({ type: [EnquiryCorrespondenceItemModel] })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such enquiry, or not one you may see' })
  async forEnquiry(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forEnquiry(assertUuid(id), principal)).map(EnquiryCorrespondenceItemModel.from);
  }

  @Post('correspondence/delivery-receipts')
  @DeliveryReceiptRoute()
  async deliveryReceipt(@Body() body: object, @Headers('authorization') authorization?: string): Promise<void> {
    await this.receipts.take(authorization, body);
  }
}
