import { Body, Controller, Get, Headers, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DeliveryReceiptRoute, DeliveryReceipts } from '@ccsc/correspondence/outbox';
import { assertUuid } from '@ccsc/platform';
import { CASE_READERS } from '../../roles';
import { CorrespondenceQueries } from '../application/correspondence.queries';
import { CorrespondenceItemModel } from './correspondence-item.model';

/** Letters and emails to case parties: who may read which, the letters as PDFs, and Notify's receipts. */
@ApiTags('correspondence')
@Controller('api/v1/cases')
export class CorrespondenceController {
  constructor(
    private readonly queries: CorrespondenceQueries,
    private readonly receipts: DeliveryReceipts,
  ) {}

  @Get(':caseId/correspondence')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: "The letters and emails to the case's parties, oldest first",
    description:
      'Staff see every item; a party (the citizen who is that party, or the firm that represents it) sees the items sent to that party, and none sent to another party.',
  })
  @ApiOkResponse({ type: [CorrespondenceItemModel] })
  @ApiNotFoundResponse({ description: 'No such case, or not one you may see' })
  async forCase(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forCase(assertUuid(caseId, 'caseId'), principal)).map(CorrespondenceItemModel.from);
  }

  @Get('correspondence/:id/letter.pdf')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'A letter as the PDF that was sent',
    description: 'Printed again from the recorded text, recipient and date: the same bytes as were sent.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The letter',
    content: {
      'application/pdf': {
        schema: { type: 'string', format: 'binary' },
        // The first bytes of every letter; the rest is binary.
        example: '%PDF-1.3',
      },
    },
  })
  @ApiNotFoundResponse({ description: 'No such letter, or not one you may see (an email has no letter)' })
  async letter(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const { item, pdf } = await this.queries.letter(assertUuid(id), principal);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="letter-${item.id}.pdf"`,
      length: pdf.length,
    });
  }

  @Post('correspondence/delivery-receipts')
  @DeliveryReceiptRoute()
  async deliveryReceipt(@Body() body: object, @Headers('authorization') authorization?: string): Promise<void> {
    await this.receipts.take(authorization, body);
  }
}
