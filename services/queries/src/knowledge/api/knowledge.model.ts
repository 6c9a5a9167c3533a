import { Field, Float, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';
import { LANGUAGES } from '../../enquiry/domain/enquiry';
import { SERVICE_TAGS, type ArticleVersionRecord, type SearchHit } from '../domain/article';

/** The article's id, the same for all its versions in either language. */
export const ARTICLE_ID = "The article's id (UUID): the same for all its versions, in English and Welsh.";
const VERSION_ID = "The version's id (UUID).";
const VERSION = 'The version number, counted from 1 for each article and language.';
const TITLE = "The article's title in the version's language.";
const BODY = "The article's text in the version's language.";
const SERVICE_TAGS_OF_ARTICLE =
  "The services the article is tagged with (the article's, the same for all its versions).";
const PUBLISHED_AT = 'When this version was published; null for a draft, and for a draft retired unpublished.';
const HELPFUL = 'How many "Did this help?" answers said yes, over all its versions.';
const NOT_HELPFUL = 'How many "Did this help?" answers said no, over all its versions.';
const SIGNPOSTED = 'On how many enquiries it was signposted, by the triage rules or an officer.';

@ObjectType('KnowledgeArticleVersion', { description: 'One version of a knowledge-base article in one language.' })
export class ArticleVersionModel {
  @Field(() => ID, { description: VERSION_ID }) @ApiProperty({ format: 'uuid', description: VERSION_ID }) id!: string;
  @Field(() => ID, { description: ARTICLE_ID })
  @ApiProperty({ format: 'uuid', description: ARTICLE_ID })
  articleId!: string;
  @Field(() => Int, { description: VERSION }) @ApiProperty({ description: VERSION, example: 2 }) version!: number;
  @Field(() => String, { description: 'en or cy.' }) @ApiProperty({ enum: LANGUAGES }) language!: string;
  @Field({ description: TITLE }) @ApiProperty({ description: TITLE, example: 'Paying a court fee' }) title!: string;
  @Field({ description: BODY })
  @ApiProperty({
    description: BODY,
    example:
      'You can pay a court fee online by card, by phone, or by cheque or postal order made out to HM Courts & Tribunals Service. If you cannot afford the fee, you may be able to get Help with Fees.',
  })
  body!: string;
  @Field(() => String, { description: 'draft, published or retired.' })
  @ApiProperty({ enum: ['draft', 'published', 'retired'] })
  status!: string;
  @Field(() => [String], { description: `${SERVICE_TAGS_OF_ARTICLE} Each one of ${SERVICE_TAGS.join(', ')}.` })
  @ApiProperty({ enum: SERVICE_TAGS, isArray: true, description: SERVICE_TAGS_OF_ARTICLE })
  serviceTags!: string[];
  @Field(() => Date, { nullable: true, description: PUBLISHED_AT })
  @ApiPropertyOptional({ type: Date, nullable: true, description: PUBLISHED_AT })
  publishedAt!: Date | null;

  static from(v: ArticleVersionRecord): ArticleVersionModel {
    return {
      id: v.id,
      articleId: v.articleId,
      version: v.version,
      language: v.language,
      title: v.title,
      body: v.body,
      status: v.status,
      serviceTags: v.serviceTags,
      publishedAt: v.publishedAt,
    };
  }
}

const RANK =
  'Relevance (PostgreSQL ts_rank): higher is better; more of the words, and words in the title, count for more. Only for ordering hits of one search.';

@ObjectType('KnowledgeSearchHit', { description: 'A published article version that matches a search, and how well.' })
export class SearchHitModel {
  @Field(() => ArticleVersionModel, { description: 'The published version that matched.' })
  @ApiProperty({ type: ArticleVersionModel })
  article!: ArticleVersionModel;
  @Field(() => Float, { description: RANK })
  @ApiProperty({ description: RANK, example: 0.0608 })
  rank!: number;

  static from(hit: SearchHit): SearchHitModel {
    return { article: ArticleVersionModel.from(hit), rank: Number(hit.rank) };
  }
}

@ObjectType('KnowledgeArticleStats', {
  description: '"Did this help?" answers and how often the article was signposted.',
})
export class ArticleStatsModel {
  @Field(() => ID, { description: ARTICLE_ID })
  @ApiProperty({ format: 'uuid', description: ARTICLE_ID })
  articleId!: string;
  @Field(() => Int, { description: HELPFUL }) @ApiProperty({ description: HELPFUL, example: 42 }) helpful!: number;
  @Field(() => Int, { description: NOT_HELPFUL })
  @ApiProperty({ description: NOT_HELPFUL, example: 7 })
  notHelpful!: number;
  @Field(() => Int, { description: SIGNPOSTED })
  @ApiProperty({ description: SIGNPOSTED, example: 130 })
  signposted!: number;
}
