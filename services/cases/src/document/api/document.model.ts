import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_CHANNELS } from '../domain/case-document';
import { ObjectType } from '../../cases.graphql';

@ObjectType('CaseDocument', { description: 'A document of a case: metadata, channel and acceptability.' })
export class DocumentModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() title!: string;
  @Field() @ApiProperty() documentType!: string;
  @Field() @ApiProperty({ enum: DOCUMENT_CHANNELS }) channel!: string;
  @Field() @ApiProperty() storeReference!: string;
  @Field({ description: '`accepted`, `pending-review` or `rejected`.' })
  @ApiProperty({ enum: ['accepted', 'pending-review', 'rejected'] })
  status!: string;
  @Field({ nullable: true }) @ApiPropertyOptional() rejectionReason?: string;
  @Field() @ApiProperty() receivedAt!: Date;
  @Field({ nullable: true }) @ApiPropertyOptional() reviewedBy?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() reviewedAt?: Date;
}
