import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DeliveryReceiptRoute, DeliveryReceipts } from '@ccsc/correspondence/outbox';
import { assertUuid } from '@ccsc/platform';
import { COMPLAINT_READERS } from '../../roles';
import { ComplaintCorrespondenceQueries } from '../application/complaint-correspondence.queries';
import { ComplaintCorrespondenceItemModel } from './complaint-correspondence-item.model';

/** Letters and emails to complainants: who may read them, and Notify's receipts. */
@ApiTags('complaints')
@Controller('api/v1/complaints')
export class ComplaintCorrespondenceController {
  constructor(
    private readonly queries: ComplaintCorrespondenceQueries,
    private readonly receipts: DeliveryReceipts,
  ) {}

  @Post('correspondence/delivery-receipts')
  @DeliveryReceiptRoute()
  async deliveryReceipt(@Body() body: object, @Headers('authorization') authorization?: string): Promise<void> {
    await this.receipts.take(authorization, body);
  }

  @Get(':id/correspondence')
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({
    summary: 'What was sent to the complainant (acknowledgement, stage responses, escalation rights), oldest first',
    description:
      "Read by whoever may read the complaint and its complainant's name: complaints staff, and the citizen or firm that filed it. Each read is audited.",
  })
  @ApiOkResponse({ type: [ComplaintCorrespondenceItemModel] })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such complaint, or not one you may see' })
  async forComplaint(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forComplaint(assertUuid(id), principal)).map(ComplaintCorrespondenceItemModel.from);
  }
}
