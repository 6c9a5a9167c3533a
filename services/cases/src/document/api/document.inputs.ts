import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DOCUMENT_CHANNELS, DocumentChannel } from '../domain/case-document';
import { InputType } from '../../cases.graphql';

@InputType({ description: 'A document received for a case; its content is in the document store.' })
export class ReceiveDocumentBody {
  @Field() @ApiProperty({ example: 'Particulars of claim' }) @IsString() @Length(1, 200) title!: string;
  @Field({ description: 'e.g. `particulars-of-claim`, `marriage-certificate`, `will`.' })
  @ApiProperty()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/)
  documentType!: string;
  @Field(() => String, { description: '`online`, `bulk-scan`, `email` or `post`.' })
  @ApiProperty({ enum: DOCUMENT_CHANNELS })
  @IsIn(DOCUMENT_CHANNELS)
  channel!: DocumentChannel;
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
  @Field(() => String) @ApiProperty({ enum: ['accepted', 'rejected'] }) @IsIn(['accepted', 'rejected']) decision!:
    'accepted' | 'rejected';
  @Field({ nullable: true, description: 'Required when rejecting.' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

@InputType()
export class ReviewDocumentInput extends ReviewDocumentBody {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() documentId!: string;
}
