import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@ccsc/auth';
import { DOCUMENT_CHANNELS, DOCUMENT_LANGUAGES, DOCUMENT_SHARING, type CaseDocument } from '../domain/case-document';
import { LanguageEnum } from '../../case/api/case.inputs';
import { userIdSeenBy } from '../../case/domain/user-ids';
import { ObjectType } from '../../cases.graphql';
import { USER_ID, USER_ID_EXAMPLE, UTC_INSTANT } from '../../api-descriptions';

const DOCUMENT_ID = "The document's id (UUID).";
const TITLE = 'What the document is, as people call it.';
const DOCUMENT_TYPE =
  'Kind of document, in lower case with dashes, e.g. `particulars-of-claim`, `marriage-certificate`, `will`.';
const CHANNEL = 'How it arrived: `online`, `bulk-scan`, `email` or `post`.';
const LANGUAGE = 'The language it is written in: `en` (English) or `cy` (Welsh).';
const STORE_REFERENCE = "Where the content is in the document store (a URI or the store's id).";
const STATUS =
  '`accepted`; `pending-review` (arrived other than online, it waits for a caseworker to check it can be accepted); or `rejected` (see `rejectionReason`).';
const REJECTION_REASON = 'Why it was rejected; null unless rejected.';
const SHARED_WITH =
  '`parties`: every party of the case reads it once it is accepted; `court`: only the court and the side it is filed for.';
const FILED_FOR = "The parties of the case it is filed for (their ids); none for the court's own papers.";
const RECEIVED_AT = `When it was recorded as received. ${UTC_INSTANT}`;
const REVIEWED_BY = `The caseworker who accepted or rejected it: ${USER_ID}. Null until reviewed, and for documents accepted as they came (online). Staff only; null for anyone else.`;
const REVIEWED_BY_REST = `The caseworker who accepted or rejected it: ${USER_ID}. Left out until reviewed, and for documents accepted as they came (online). Staff only; left out for anyone else.`;
const REVIEWED_AT = `When it was reviewed. ${UTC_INSTANT} Null until reviewed, and for documents accepted as they came (online).`;

@ObjectType('CaseDocument', {
  description:
    'A document of a case: metadata, channel and acceptability; the content stays in the document store. Staff see every one; the side it is filed for sees its own; the other parties see it once accepted, unless it is shared with the court only.',
})
export class DocumentModel {
  @Field(() => ID, { description: DOCUMENT_ID }) @ApiProperty({ format: 'uuid', description: DOCUMENT_ID }) id!: string;
  @Field({ description: TITLE }) @ApiProperty({ example: 'Particulars of claim', description: TITLE }) title!: string;
  @Field({ description: DOCUMENT_TYPE })
  @ApiProperty({ example: 'particulars-of-claim', description: DOCUMENT_TYPE })
  documentType!: string;
  @Field({ description: CHANNEL })
  @ApiProperty({ enum: DOCUMENT_CHANNELS, example: 'bulk-scan', description: CHANNEL })
  channel!: string;
  @Field(() => LanguageEnum, { description: LANGUAGE })
  @ApiProperty({ enum: DOCUMENT_LANGUAGES, example: 'cy', description: LANGUAGE })
  language!: string;
  @Field({ description: STORE_REFERENCE })
  @ApiProperty({ example: 'dm-store://documents/5f1c2a9e', description: STORE_REFERENCE })
  storeReference!: string;
  @Field({ description: STATUS })
  @ApiProperty({ enum: ['accepted', 'pending-review', 'rejected'], example: 'rejected', description: STATUS })
  status!: string;
  @Field({ description: SHARED_WITH })
  @ApiProperty({ enum: DOCUMENT_SHARING, example: 'parties', description: SHARED_WITH })
  sharedWith!: string;
  @Field(() => [ID], { description: FILED_FOR })
  @ApiProperty({ type: [String], format: 'uuid', description: FILED_FOR })
  filedFor!: string[];
  @Field({ nullable: true, description: REJECTION_REASON })
  @ApiPropertyOptional({ example: 'Pages 3 to 5 are missing from the scan.', description: REJECTION_REASON })
  rejectionReason?: string;
  @Field({ description: RECEIVED_AT }) @ApiProperty({ description: RECEIVED_AT }) receivedAt!: Date;
  @Field({ nullable: true, description: REVIEWED_BY })
  @ApiPropertyOptional({ example: USER_ID_EXAMPLE, description: REVIEWED_BY_REST })
  reviewedBy?: string;
  @Field({ nullable: true, description: REVIEWED_AT })
  @ApiPropertyOptional({ description: REVIEWED_AT })
  reviewedAt?: Date;

  /** Who reviewed it is staff's to know (userIdSeenBy); the case it belongs to is the one asked about. */
  static from(d: CaseDocument, viewer: Principal): DocumentModel {
    const reviewedBy = userIdSeenBy(viewer, d.reviewedBy);
    return {
      id: d.id,
      title: d.title,
      documentType: d.documentType,
      channel: d.channel,
      language: d.language,
      storeReference: d.storeReference,
      status: d.status,
      sharedWith: d.sharedWith,
      filedFor: d.filedFor,
      receivedAt: d.receivedAt,
      ...(d.rejectionReason ? { rejectionReason: d.rejectionReason } : {}),
      ...(reviewedBy ? { reviewedBy } : {}),
      ...(d.reviewedAt ? { reviewedAt: d.reviewedAt } : {}),
    };
  }
}
