import { Args, Field, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputType, ObjectType } from '../../queries.graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, validate } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertUuid, BadUserInputError } from '@ccsc/platform';
import { LANGUAGES, type Language } from '../../enquiry/domain/enquiry';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { ENQUIRY_READERS, OFFICERS, TEAM_LEADERS } from '../../enquiry/api/roles';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';
import { MAX_BODY, MAX_TITLE, SERVICE_TAGS } from '../domain/article';
import { KnowledgeService } from '../application/knowledge.service';
import { KnowledgeRepository, type ArticleVersionRecord, type SearchHit } from '../infrastructure/knowledge.repository';

@ObjectType('KnowledgeArticleVersion', { description: 'One version of a knowledge-base article in one language.' })
export class ArticleVersionModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) articleId!: string;
  @Field(() => Int) @ApiProperty() version!: number;
  @Field(() => String, { description: 'en or cy.' }) @ApiProperty({ enum: LANGUAGES }) language!: string;
  @Field() @ApiProperty() title!: string;
  @Field() @ApiProperty() body!: string;
  @Field(() => String, { description: 'draft, published or retired.' }) @ApiProperty({ enum: ['draft', 'published', 'retired'] }) status!: string;
  @Field(() => [String]) @ApiProperty({ type: [String] }) serviceTags!: string[];
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional({ type: Date, nullable: true }) publishedAt!: Date | null;

  static from(v: ArticleVersionRecord): ArticleVersionModel {
    return { id: v.id, articleId: v.articleId, version: v.version, language: v.language, title: v.title, body: v.body, status: v.status, serviceTags: v.serviceTags, publishedAt: v.publishedAt };
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

@ObjectType('KnowledgeArticleStats', { description: '"Did this help?" answers and how often the article was signposted.' })
export class ArticleStatsModel {
  @Field(() => ID) articleId!: string;
  @Field(() => Int) helpful!: number;
  @Field(() => Int) notHelpful!: number;
  @Field(() => Int) signposted!: number;
}

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
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}

@Resolver(() => EnquiryModel)
export class KnowledgeResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly knowledge: KnowledgeService,
    private readonly articles: KnowledgeRepository,
    private readonly enquiries: EnquiryQueries,
  ) {}

  @Query(() => [SearchHitModel], { description: 'Published articles in a language, most relevant first (PostgreSQL full text; Welsh uses the simple configuration).' })
  @Roles(...ENQUIRY_READERS)
  async searchKnowledge(
    @Args('text') text: string,
    @Args('language', { nullable: true, defaultValue: 'en', description: 'en or cy.' }) language: string,
    @Args('service', { nullable: true }) service?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first?: number,
  ) {
    const query = await checkedSearch({ text, language: language as Language, ...(service ? { service } : {}), limit: first ?? 10 });
    return (await this.knowledge.search(query.text, query.language ?? 'en', query.service, query.limit ?? 10)).map(SearchHitModel.from);
  }

  @Query(() => [ArticleVersionModel], { description: "Every version of an article, by language and version." })
  @Roles(...OFFICERS)
  async knowledgeArticle(@Args('id', { type: () => ID }) id: string) {
    return (await this.knowledge.versions(assertUuid(id))).map(ArticleVersionModel.from);
  }

  @Query(() => [ArticleStatsModel])
  @Roles(...OFFICERS)
  async knowledgeArticleStats(@Args('ids', { type: () => [ID] }) ids: string[]) {
    return this.knowledge.stats(ids.map((id) => assertUuid(id, 'ids')));
  }

  @Mutation(() => ArticleVersionModel, { description: 'A new article, its first version a draft.' })
  @Roles(...TEAM_LEADERS)
  async createKnowledgeArticle(@Args('input') input: CreateArticleInput, @CurrentPrincipal() principal: Principal) {
    return ArticleVersionModel.from(await this.knowledge.create(input.serviceTags, input, principal));
  }

  @Mutation(() => ArticleVersionModel, { description: 'A new draft version of an article.' })
  @Roles(...TEAM_LEADERS)
  async draftKnowledgeArticleVersion(@Args('input') input: DraftVersionInput, @CurrentPrincipal() principal: Principal) {
    return ArticleVersionModel.from(await this.knowledge.draft(input.articleId, input, principal));
  }

  @Mutation(() => ArticleVersionModel, { description: 'Publishes a draft; the version it replaces is retired.' })
  @Roles(...TEAM_LEADERS)
  async publishKnowledgeArticleVersion(@Args('versionId', { type: () => ID }) versionId: string) {
    return ArticleVersionModel.from(await this.knowledge.publish(assertUuid(versionId, 'versionId')));
  }

  @Mutation(() => ArticleVersionModel, { description: 'Withdraws a version.' })
  @Roles(...TEAM_LEADERS)
  async retireKnowledgeArticleVersion(@Args('versionId', { type: () => ID }) versionId: string) {
    return ArticleVersionModel.from(await this.knowledge.retire(assertUuid(versionId, 'versionId')));
  }

  @Mutation(() => ArticleStatsModel, { description: '"Did this help?"' })
  @Roles(...ENQUIRY_READERS)
  async rateKnowledgeArticle(@Args('input') input: RateArticleInput, @CurrentPrincipal() principal: Principal) {
    return this.knowledge.feedback(input.versionId, input.helpful, principal, input.enquiryId ?? undefined);
  }

  @ResolveField(() => [ArticleVersionModel], { description: 'The knowledge-base articles signposted on this enquiry.' })
  async signposts(@Parent() parent: EnquiryModel, @CurrentPrincipal() principal: Principal) {
    await this.enquiries.get(parent.id, principal);
    return (await this.articles.signpostedOn(this.dataSource.manager, parent.id)).map(ArticleVersionModel.from);
  }
}

/** GraphQL arguments go through the same validation as the REST query string. */
async function checkedSearch(raw: KnowledgeSearchQuery): Promise<KnowledgeSearchQuery> {
  const instance = plainToInstance(KnowledgeSearchQuery, raw);
  const errors = await validate(instance);
  if (errors.length) {
    throw new BadUserInputError('Invalid search', errors.map((e) => ({ field: e.property === 'limit' ? 'first' : e.property, message: Object.values(e.constraints ?? {}).join('; ') })));
  }
  return instance;
}
