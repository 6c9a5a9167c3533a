import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import type { Language } from '../../enquiry/domain/enquiry';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { ENQUIRY_READERS, OFFICERS, TEAM_LEADERS } from '../../roles';
import { KnowledgeService } from '../application/knowledge.service';
import { ArticleStatsModel, ArticleVersionModel, SearchHitModel } from './knowledge.model';
import { checkedSearch, CreateArticleInput, DraftVersionInput, RateArticleInput } from './knowledge.inputs';

@Resolver(() => EnquiryModel)
export class KnowledgeResolver {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Query(() => [SearchHitModel], {
    description:
      'Published articles in a language, most relevant first (PostgreSQL full text; Welsh uses the simple configuration).',
  })
  @Roles(...ENQUIRY_READERS)
  async searchKnowledge(
    @Args('text') text: string,
    @Args('language', { nullable: true, defaultValue: 'en', description: 'en or cy.' }) language: string,
    @Args('service', { nullable: true }) service?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first?: number,
  ) {
    const query = await checkedSearch({
      text,
      language: language as Language,
      ...(service ? { service } : {}),
      limit: first ?? 10,
    });
    return (await this.knowledge.search(query.text, query.language ?? 'en', query.service, query.limit ?? 10)).map(
      SearchHitModel.from,
    );
  }

  @Query(() => [ArticleVersionModel], { description: 'Every version of an article, by language and version.' })
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
  async draftKnowledgeArticleVersion(
    @Args('input') input: DraftVersionInput,
    @CurrentPrincipal() principal: Principal,
  ) {
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
    return (await this.knowledge.signpostedOn(parent.id, principal)).map(ArticleVersionModel.from);
  }
}
