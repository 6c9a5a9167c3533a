import { Field, Float, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';
import { LANGUAGES } from '../../enquiry/domain/enquiry';
import type { ArticleVersionRecord, SearchHit } from '../domain/article';

@ObjectType('KnowledgeArticleVersion', { description: 'One version of a knowledge-base article in one language.' })
export class ArticleVersionModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) articleId!: string;
  @Field(() => Int) @ApiProperty() version!: number;
  @Field(() => String, { description: 'en or cy.' }) @ApiProperty({ enum: LANGUAGES }) language!: string;
  @Field() @ApiProperty() title!: string;
  @Field() @ApiProperty() body!: string;
  @Field(() => String, { description: 'draft, published or retired.' })
  @ApiProperty({ enum: ['draft', 'published', 'retired'] })
  status!: string;
  @Field(() => [String]) @ApiProperty({ type: [String] }) serviceTags!: string[];
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) publishedAt!: Date | null;

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

@ObjectType('KnowledgeSearchHit')
export class SearchHitModel {
  @Field(() => ArticleVersionModel) @ApiProperty({ type: ArticleVersionModel }) article!: ArticleVersionModel;
  @Field(() => Float, { description: 'Relevance: higher is better.' }) @ApiProperty() rank!: number;

  static from(hit: SearchHit): SearchHitModel {
    return { article: ArticleVersionModel.from(hit), rank: Number(hit.rank) };
  }
}

@ObjectType('KnowledgeArticleStats', {
  description: '"Did this help?" answers and how often the article was signposted.',
})
export class ArticleStatsModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) articleId!: string;
  @Field(() => Int) @ApiProperty() helpful!: number;
  @Field(() => Int) @ApiProperty() notHelpful!: number;
  @Field(() => Int) @ApiProperty({ description: 'How often it was signposted on an enquiry.' }) signposted!: number;
}
