import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import {
  DOCUMENT_CHANNELS,
  DOCUMENT_LANGUAGES,
  DOCUMENT_SHARING,
  DocumentChannel,
  DocumentLanguage,
  DocumentSharing,
} from '../domain/case-document';
import { InputType } from '../../cases.graphql';
import { LanguageEnum } from '../../case/api/case.inputs';
import { CASE_ID } from '../../api-descriptions';

/**
 * A reference into the document store, which holds the content: `dm-store://` and path segments of letters,
 * digits, `.`, `_`, `~` and `-`, none of them `.` or `..`. Not a web address or a file path the other side
 * would be shown as the document.
 */
const STORE_REFERENCE_FORMAT =
  /^dm-store:\/\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._~-]+(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._~-]+)*$/;
const STORE_REFERENCE =
  'Where the content is in the document store: `dm-store://` and its path (letters, digits, `.`, `_`, `~`, `-` between slashes; no `.` or `..` segment).';

const TITLE = 'What the document is, as people call it.';
const DOCUMENT_TYPE =
  'Kind of document, in lower case with dashes, e.g. `particulars-of-claim`, `marriage-certificate`, `will`.';
const CHANNEL =
  '`online`, `bulk-scan`, `email` or `post`. Online documents are accepted as they come; any other may be non-standard and waits for a caseworker to review it. A party, or a firm acting for one, files online; the other channels are recorded by the court.';
const LANGUAGE = 'The language the document is written in: `en` (English, the default) or `cy` (Welsh).';
const SHARED_WITH =
  '`parties` (the default): every party of the case reads it once it is accepted. `court`: only the court and the side it is filed for read it (a confidential address, a medical report).';
const FOR_PARTY =
  "The party of the case it is filed for (UUID). Staff name any party (none: the court's own papers); a party's side names one it acts for, or leaves it out to file for all of them.";

@InputType({ description: 'A document received for a case; its content is in the document store.' })
export class ReceiveDocumentBody {
  @Field({ description: TITLE })
  @ApiProperty({ example: 'Particulars of claim', description: TITLE })
  @IsString()
  @Length(1, 200)
  title!: string;
  @Field({ description: DOCUMENT_TYPE })
  @ApiProperty({ example: 'particulars-of-claim', description: DOCUMENT_TYPE })
  @Matches(/^[a-z][a-z0-9-]{0,63}$/)
  documentType!: string;
  @Field(() => String, { description: CHANNEL })
  @ApiProperty({ enum: DOCUMENT_CHANNELS, description: CHANNEL })
  @IsIn(DOCUMENT_CHANNELS)
  channel!: DocumentChannel;
  @Field(() => LanguageEnum, { nullable: true, description: LANGUAGE })
  @ApiPropertyOptional({ enum: DOCUMENT_LANGUAGES, example: 'cy', description: LANGUAGE })
  @IsOptional()
  @IsIn(DOCUMENT_LANGUAGES)
  language?: DocumentLanguage;
  @Field({ description: STORE_REFERENCE })
  @ApiProperty({ example: 'dm-store://documents/5f1c2a9e', description: STORE_REFERENCE })
  @IsString()
  @Length(1, 500)
  @Matches(STORE_REFERENCE_FORMAT, { message: 'must be a document store reference: dm-store://, then its path' })
  storeReference!: string;
  @Field(() => String, { nullable: true, description: SHARED_WITH })
  @ApiPropertyOptional({ enum: DOCUMENT_SHARING, example: 'court', description: SHARED_WITH })
  @IsOptional()
  @IsIn(DOCUMENT_SHARING)
  sharedWith?: DocumentSharing;
  @Field(() => ID, { nullable: true, description: FOR_PARTY })
  @ApiPropertyOptional({ format: 'uuid', description: FOR_PARTY })
  @IsOptional()
  @IsUUID()
  forPartyId?: string;
}

@InputType({ description: 'A document received for a case; its content is in the document store.' })
export class ReceiveDocumentInput extends ReceiveDocumentBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
}

const DECISION =
  '`accepted`, or `rejected` with a reason; only a document awaiting review (`pending-review`) is reviewed.';
const REASON = 'Why it is rejected, in words the parties read; required when rejecting, ignored when accepting.';
const REVIEW_SHARED_WITH =
  'Whom it is shared with from now on, as the reviewer finds it (a confidential address recorded from the post: `court`); as filed when left out.';

@InputType({ description: "A caseworker's decision on a document that may be non-standard." })
export class ReviewDocumentBody {
  @Field(() => String, { description: DECISION })
  @ApiProperty({ enum: ['accepted', 'rejected'], example: 'rejected', description: DECISION })
  @IsIn(['accepted', 'rejected'])
  decision!: 'accepted' | 'rejected';
  @Field({ nullable: true, description: REASON })
  @ApiPropertyOptional({ example: 'Pages 3 to 5 are missing from the scan.', description: REASON })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
  @Field(() => String, { nullable: true, description: REVIEW_SHARED_WITH })
  @ApiPropertyOptional({ enum: DOCUMENT_SHARING, example: 'court', description: REVIEW_SHARED_WITH })
  @IsOptional()
  @IsIn(DOCUMENT_SHARING)
  sharedWith?: DocumentSharing;
}

@InputType({ description: "A caseworker's decision on a document of a case awaiting review." })
export class ReviewDocumentInput extends ReviewDocumentBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
  @Field(() => ID, { description: "The document's id (UUID)." }) @IsUUID() documentId!: string;
}
