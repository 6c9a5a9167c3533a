import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import type { Language } from '../../enquiry/domain/enquiry';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { ENQUIRY_READERS, OFFICERS, TEAM_LEADERS } from '../../roles';
import { KnowledgeService } from '../application/knowledge.service';
import { SERVICE_TAGS } from '../domain/article';
import { ARTICLE_ID, ArticleStatsModel, ArticleVersionModel, SearchHitModel } from './knowledge.model';

const VERSION_ID = "The version's id (UUID).";
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
    @Args('text', {
      description: 'What to look for, in plain words (1 to 200 characters): any of the words may match.',
    })
    text: string,
    @Args('language', { nullable: true, defaultValue: 'en', description: 'en or cy.' }) language: string,
    @Args('service', {
      nullable: true,
      description: `Only articles tagged with this service: one of ${SERVICE_TAGS.join(', ')}.`,
    })
    service?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10, description: 'How many hits, 1 to 50.' })
    first?: number,
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
  async knowledgeArticle(@Args('id', { type: () => ID, description: ARTICLE_ID }) id: string) {
    return (await this.knowledge.versions(assertUuid(id))).map(ArticleVersionModel.from);
  }

  @Query(() => [ArticleStatsModel], {
    description:
      'How often each article helped, did not help, and was signposted. An id that is no article is left out.',
  })
  @Roles(...OFFICERS)
  async knowledgeArticleStats(
    @Args('ids', { type: () => [ID], description: "The articles' ids (UUIDs)." }) ids: string[],
  ) {
    return this.knowledge.stats(ids.map((id) => assertUuid(id, 'ids')));
  }

  @Mutation(() => ArticleVersionModel, { description: 'A new article, its first version a draft.' })
  @Roles(...TEAM_LEADERS)
  async createKnowledgeArticle(
    @Args('input', { description: 'Its services and the text of its first version.' }) input: CreateArticleInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    return ArticleVersionModel.from(await this.knowledge.create(input.serviceTags, input, principal));
  }

  @Mutation(() => ArticleVersionModel, { description: 'A new draft version of an article.' })
  @Roles(...TEAM_LEADERS)
  async draftKnowledgeArticleVersion(
    @Args('input', { description: 'The article, the language and the text.' }) input: DraftVersionInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    return ArticleVersionModel.from(await this.knowledge.draft(input.articleId, input, principal));
  }

  @Mutation(() => ArticleVersionModel, { description: 'Publishes a draft; the version it replaces is retired.' })
  @Roles(...TEAM_LEADERS)
  async publishKnowledgeArticleVersion(
    @Args('versionId', { type: () => ID, description: VERSION_ID }) versionId: string,
  ) {
    return ArticleVersionModel.from(await this.knowledge.publish(assertUuid(versionId, 'versionId')));
  }

  @Mutation(() => ArticleVersionModel, {
    description: 'Retires a version: a draft is discarded, a published one leaves search. Retired is final.',
  })
  @Roles(...TEAM_LEADERS)
  async retireKnowledgeArticleVersion(
    @Args('versionId', { type: () => ID, description: VERSION_ID }) versionId: string,
  ) {
    return ArticleVersionModel.from(await this.knowledge.retire(assertUuid(versionId, 'versionId')));
  }

  @Mutation(() => ArticleStatsModel, {
    description:
      '"Did this help?" on a published version, counted once per reader of the article (and enquiry), on any of its versions: answering again changes the answer. Answers officers with the article\'s figures; anyone else with their own answer in the same shape (helpful or notHelpful 1).',
  })
  @Roles(...ENQUIRY_READERS)
  async rateKnowledgeArticle(
    @Args('input', { description: 'The version, the answer and the enquiry, if any.' }) input: RateArticleInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.knowledge.feedback(input.versionId, input.helpful, principal, input.enquiryId ?? undefined);
  }

  @ResolveField(() => [ArticleVersionModel], {
    description:
      "The knowledge-base articles signposted on this enquiry: of each, its published version, in the enquiry's language where there is one.",
  })
  async signposts(@Parent() parent: EnquiryModel, @CurrentPrincipal() principal: Principal) {
    return (await this.knowledge.signpostedOn(parent.id, principal)).map(ArticleVersionModel.from);
  }
}
