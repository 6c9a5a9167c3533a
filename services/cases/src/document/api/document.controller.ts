import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CASE_CREATORS, CASE_READERS, DOCUMENT_REVIEWERS } from '../../roles';
import { DocumentCommands } from '../application/document.commands';
import { DocumentQueries } from '../application/document.queries';
import { ReceiveDocumentBody, ReviewDocumentBody } from './document.inputs';
import { DocumentModel } from './document.model';

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
  receive(
    @Param('id') id: string,
    @Body() body: ReceiveDocumentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.documents.receive(assertUuid(id), body, principal, correlationId);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Documents of a case' })
  @ApiOkResponse({ type: [DocumentModel] })
  list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(assertUuid(id), principal);
  }

  @Post(':documentId/review')
  @Roles(...DOCUMENT_REVIEWERS)
  @ApiOperation({ summary: 'Accept or reject a document awaiting review' })
  @ApiCreatedResponse({ type: DocumentModel })
  review(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Body() body: ReviewDocumentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.documents.review(
      assertUuid(id),
      assertUuid(documentId, 'documentId'),
      body.decision,
      body.reason,
      principal,
      correlationId,
    );
  }
}
