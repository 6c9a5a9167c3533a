import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { Args, Field, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CaseModel } from '../../case/api/case.model';
import { CASE_CREATORS, CASE_READERS } from '../../case/api/case.resolver';
import { DocumentCommands } from '../application/document.commands';
import { DOCUMENT_CHANNELS, DocumentChannel } from '../domain/case-document';
import { InputType, ObjectType } from '../../cases.graphql';

// The documents API in one file: inputs, output, GraphQL and REST.

@InputType({ description: 'A document received for a case; its content is in the document store.' })
export class ReceiveDocumentBody {
  @Field() @ApiProperty({ example: 'Particulars of claim' }) @IsString() @Length(1, 200) title!: string;
  @Field({ description: 'e.g. `particulars-of-claim`, `marriage-certificate`, `will`.' }) @ApiProperty() @Matches(/^[a-z][a-z0-9-]{0,63}$/) documentType!: string;
  @Field(() => String, { description: '`online`, `bulk-scan`, `email` or `post`.' }) @ApiProperty({ enum: DOCUMENT_CHANNELS }) @IsIn(DOCUMENT_CHANNELS) channel!: DocumentChannel;
  @Field({ description: "Where the content is in the document store (a URI or the store's id)." })
  @ApiProperty({ example: 'dm-store://documents/5f1c…' })
  @IsString()
  @Length(1, 500)
  storeReference!: string;
}

@InputType()
export class ReceiveDocumentInput extends ReceiveDocumentBody {
  @Field(() => ID) @IsUUID() caseId!: string;
}

@InputType({ description: "A caseworker's decision on a document that may be non-standard." })
export class ReviewDocumentBody {
  @Field(() => String) @ApiProperty({ enum: ['accepted', 'rejected'] }) @IsIn(['accepted', 'rejected']) decision!: 'accepted' | 'rejected';
  @Field({ nullable: true, description: 'Required when rejecting.' }) @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) reason?: string;
}

@InputType()
export class ReviewDocumentInput extends ReviewDocumentBody {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() documentId!: string;
}

@ObjectType('CaseDocument', { description: 'A document of a case: metadata, channel and acceptability.' })
export class DocumentModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() title!: string;
  @Field() @ApiProperty() documentType!: string;
  @Field() @ApiProperty({ enum: DOCUMENT_CHANNELS }) channel!: string;
  @Field() @ApiProperty() storeReference!: string;
  @Field({ description: '`accepted`, `pending-review` or `rejected`.' }) @ApiProperty({ enum: ['accepted', 'pending-review', 'rejected'] }) status!: string;
  @Field({ nullable: true }) @ApiPropertyOptional() rejectionReason?: string;
  @Field() @ApiProperty() receivedAt!: Date;
  @Field({ nullable: true }) @ApiPropertyOptional() reviewedBy?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() reviewedAt?: Date;
}

const REVIEWERS = ['caseworker', 'team-leader'] as const;

@Resolver(() => CaseModel)
export class DocumentResolver {
  constructor(private readonly commands: DocumentCommands) {}

  @Mutation(() => DocumentModel, { description: 'Records a document received for a case.' })
  @Roles(...CASE_CREATORS)
  receiveDocument(@Args('input') input: ReceiveDocumentInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const { caseId, ...command } = input;
    return this.commands.receive(caseId, command, principal, correlationId);
  }

  @Mutation(() => DocumentModel, { description: 'Accepts or rejects (with a reason) a document awaiting review.' })
  @Roles(...REVIEWERS)
  reviewDocument(@Args('input') input: ReviewDocumentInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.commands.review(input.caseId, input.documentId, input.decision, input.reason, principal, correlationId);
  }

  @ResolveField(() => [DocumentModel], { description: 'Documents received for the case, oldest first.' })
  documents(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return this.commands.list(parent.id, principal);
  }
}

@ApiTags('cases')
@Controller('api/v1/cases/:id/documents')
export class DocumentController {
  constructor(private readonly documents: DocumentCommands) {}

  @Post()
  @Roles(...CASE_CREATORS)
  @ApiOperation({ summary: 'Record a document received for a case' })
  @ApiCreatedResponse({ type: DocumentModel })
  receive(@Param('id') id: string, @Body() body: ReceiveDocumentBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.documents.receive(assertUuid(id), body, principal, correlationId);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Documents of a case' })
  @ApiOkResponse({ type: [DocumentModel] })
  list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.documents.list(assertUuid(id), principal);
  }

  @Post(':documentId/review')
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'Accept or reject a document awaiting review' })
  @ApiCreatedResponse({ type: DocumentModel })
  review(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Body() body: ReviewDocumentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.documents.review(assertUuid(id), assertUuid(documentId, 'documentId'), body.decision, body.reason, principal, correlationId);
  }
}
