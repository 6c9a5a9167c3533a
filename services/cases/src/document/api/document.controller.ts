import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CASE_CREATORS, CASE_READERS, DOCUMENT_REVIEWERS } from '../../roles';
import { DocumentCommands } from '../application/document.commands';
import { DocumentQueries } from '../application/document.queries';
import { ReceiveDocumentBody, ReviewDocumentBody } from './document.inputs';
import { DocumentModel } from './document.model';
import { INVALID_INPUT, KEY_REUSED } from '../../api-descriptions';

@ApiTags('cases')
@Controller('api/v1/cases/:id/documents')
export class DocumentController {
  constructor(
    private readonly documents: DocumentCommands,
    private readonly queries: DocumentQueries,
  ) {}

  @Post()
  @Roles(...CASE_CREATORS)
  @ApiOperation({ summary: 'Record a document received for a case' })
  @ApiCreatedResponse({ type: DocumentModel })
  async receive(
    @Param('id') id: string,
    @Body() body: ReceiveDocumentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return DocumentModel.from(await this.documents.receive(assertUuid(id), body, principal, correlationId), principal);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Documents of a case' })
  @ApiOkResponse({ type: [DocumentModel] })
  async list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.list(assertUuid(id), principal)).map((document) =>
      DocumentModel.from(document, principal),
    );
  }

  @Post(':documentId/review')
  @Roles(...DOCUMENT_REVIEWERS)
  @ApiOperation({ summary: 'Accept or reject a document awaiting review' })
  @ApiCreatedResponse({ type: DocumentModel })
  @ApiBadRequestResponse({ description: `${INVALID_INPUT}, or a rejection without a reason` })
  @ApiConflictResponse({
    description: `The document is not awaiting review (it was already accepted or rejected), or ${KEY_REUSED}`,
  })
  async review(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Body() body: ReviewDocumentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return DocumentModel.from(
      await this.documents.review(assertUuid(id), assertUuid(documentId, 'documentId'), body, principal, correlationId),
      principal,
    );
  }
}
