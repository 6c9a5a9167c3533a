import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
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
import { BadUserInputError } from '@ccsc/platform';
import { InputType } from '../../queries.graphql';
import { LANGUAGES, type Language } from '../../enquiry/domain/enquiry';
import { MAX_BODY, MAX_TITLE, SERVICE_TAGS } from '../domain/article';

@InputType({ isAbstract: true })
export class ArticleTextInput {
  @Field(() => String, { description: 'en or cy.' }) @IsIn(LANGUAGES) language!: Language;
  @Field() @IsString() @Length(1, MAX_TITLE) title!: string;
  @Field() @IsString() @Length(1, MAX_BODY) body!: string;
}

@InputType('CreateKnowledgeArticleInput')
export class CreateArticleInput extends ArticleTextInput {
  @Field(() => [String], { description: `Services: ${SERVICE_TAGS.join(', ')}.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_TAGS.length)
  @IsIn(SERVICE_TAGS, { each: true })
  serviceTags!: string[];
}

@InputType('DraftKnowledgeArticleVersionInput')
export class DraftVersionInput extends ArticleTextInput {
  @Field(() => ID) @IsUUID() articleId!: string;
}

@InputType('RateKnowledgeArticleInput')
export class RateArticleInput {
  @Field(() => ID) @IsUUID() versionId!: string;
  @Field() @IsBoolean() helpful!: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() enquiryId?: string;
}

/** GET /api/v1/queries/knowledge/search and the GraphQL `searchKnowledge` arguments. */
export class KnowledgeSearchQuery {
  @ApiProperty({ example: 'how do I pay my court fee' }) @IsString() @Length(1, 200) text!: string;
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ enum: SERVICE_TAGS }) @IsOptional() @IsIn(SERVICE_TAGS) service?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
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
