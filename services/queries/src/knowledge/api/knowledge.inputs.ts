import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  validate,
} from 'class-validator';
import { BadUserInputError, QueryInteger } from '@ccsc/platform';
import { InputType } from '../../queries.graphql';
import { LANGUAGES, type Language } from '../../enquiry/domain/enquiry';
import { MAX_BODY, MAX_TITLE, SERVICE_TAGS } from '../domain/article';
import { ARTICLE_ID } from './knowledge.model';

const TITLE = `The article's title (1 to ${MAX_TITLE} characters, not blank).`;
const BODY = `The article's text (1 to ${MAX_BODY.toLocaleString('en-GB')} characters, not blank).`;
const VERSION_ID = "The published version's id (UUID).";
const RATED_ENQUIRY = 'The enquiry the article was signposted for, if any: one you can see.';

/**
 * POST /api/v1/queries/knowledge/articles/{id}/versions; with the article id, the GraphQL
 * `draftKnowledgeArticleVersion` input.
 */
@InputType({ isAbstract: true })
export class ArticleTextInput {
  @Field(() => String, { description: 'en or cy.' })
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language!: Language;
  @Field({ description: TITLE })
  @ApiProperty({ maxLength: MAX_TITLE, description: TITLE, example: 'Paying a court fee' })
  @IsString()
  @Length(1, MAX_TITLE)
  title!: string;
  @Field({ description: BODY })
  @ApiProperty({
    maxLength: MAX_BODY,
    description: BODY,
    example:
      'You can pay a court fee online by card, by phone, or by cheque or postal order made out to HM Courts & Tribunals Service. If you cannot afford the fee, you may be able to get Help with Fees.',
  })
  @IsString()
  @Length(1, MAX_BODY)
  body!: string;
}

/** POST /api/v1/queries/knowledge/articles and the GraphQL `createKnowledgeArticle` input. */
@InputType('CreateKnowledgeArticleInput', {
  description:
    'A new knowledge-base article: the services it is for, and the text of its first version, saved as a draft.',
})
export class CreateArticleInput extends ArticleTextInput {
  @Field(() => [String], { description: `Services: ${SERVICE_TAGS.join(', ')}.` })
  @ApiProperty({ enum: SERVICE_TAGS, isArray: true, minItems: 1, maxItems: SERVICE_TAGS.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_TAGS.length)
  @IsIn(SERVICE_TAGS, { each: true })
  serviceTags!: string[];
}

@InputType('DraftKnowledgeArticleVersionInput', {
  description:
    'A new draft version of an article in English or Welsh; the version published in that language stays until this one is published.',
})
export class DraftVersionInput extends ArticleTextInput {
  @Field(() => ID, { description: ARTICLE_ID }) @IsUUID() articleId!: string;
}

/** POST /api/v1/queries/knowledge/versions/{versionId}/ratings; with the version id, the GraphQL `rateKnowledgeArticle` input. */
@InputType({ isAbstract: true })
export class RatingBody {
  @Field({ description: 'The answer to "Did this help?": true for yes, false for no.' })
  @ApiProperty({ description: 'The answer to "Did this help?": true for yes, false for no.' })
  @IsBoolean()
  helpful!: boolean;
  @Field(() => ID, { nullable: true, description: RATED_ENQUIRY })
  @ApiPropertyOptional({ format: 'uuid', description: RATED_ENQUIRY })
  @IsOptional()
  @IsUUID()
  enquiryId?: string;
}

@InputType('RateKnowledgeArticleInput', { description: '"Did this help?" on a published version of an article.' })
export class RateArticleInput extends RatingBody {
  @Field(() => ID, { description: VERSION_ID }) @IsUUID() versionId!: string;
}

/** GET /api/v1/queries/knowledge/search and the GraphQL `searchKnowledge` arguments. */
export class KnowledgeSearchQuery {
  @ApiProperty({ example: 'how do I pay my court fee' }) @IsString() @Length(1, 200) text!: string;
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ enum: SERVICE_TAGS }) @IsOptional() @IsIn(SERVICE_TAGS) service?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

/** GraphQL arguments go through the same validation as the REST query string. */
export async function checkedSearch(raw: KnowledgeSearchQuery): Promise<KnowledgeSearchQuery> {
  const instance = plainToInstance(KnowledgeSearchQuery, raw);
  const errors = await validate(instance);
  if (errors.length) {
    throw new BadUserInputError(
      'Invalid search',
      errors.map((e) => ({
        field: e.property === 'limit' ? 'first' : e.property,
        message: Object.values(e.constraints ?? {}).join('; '),
      })),
    );
  }
  return instance;
}
