import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, NotFoundError } from '@ccsc/platform';
import { ENQUIRY_READERS, OFFICERS, TEAM_LEADERS } from '../../roles';
import { KnowledgeService } from '../application/knowledge.service';
import { ArticleTextInput, CreateArticleInput, KnowledgeSearchQuery, RatingBody } from './knowledge.inputs';
import { ArticleStatsModel, ArticleVersionModel, SearchHitModel } from './knowledge.model';

/**
 * The knowledge base over REST: search for web forms and partners, and the articles' upkeep for the
 * service centre's tools, with the same commands, roles and refusals as the GraphQL operations.
 * Errors are RFC 9457 problem+json.
 */
@ApiTags('queries')
@Controller('api/v1/queries')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get('knowledge/search')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({ summary: 'Search published knowledge-base articles, most relevant first' })
  @ApiOkResponse({ type: [SearchHitModel] })
  async search(@Query() query: KnowledgeSearchQuery) {
    return (await this.knowledge.search(query.text, query.language ?? 'en', query.service, query.limit ?? 10)).map(
      SearchHitModel.from,
    );
  }

  @Post('knowledge/articles')
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Write a new article; its first version is a draft' })
  @ApiCreatedResponse({ type: ArticleVersionModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  async create(
    @Body() body: CreateArticleInput,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const created = ArticleVersionModel.from(await this.knowledge.create(body.serviceTags, body, principal));
    res.location(`/api/v1/queries/knowledge/articles/${created.articleId}`);
    return created;
  }

  @Get('knowledge/articles/:id')
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Every version of an article, drafts and retired ones included, by language and version' })
  @ApiOkResponse({ type: [ArticleVersionModel] })
  @ApiNotFoundResponse({ description: 'No such article' })
  async versions(@Param('id') id: string) {
    return (await this.knowledge.versions(assertUuid(id))).map(ArticleVersionModel.from);
  }

  @Get('knowledge/articles/:id/stats')
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'How often an article helped, did not help, and was signposted' })
  @ApiOkResponse({ type: ArticleStatsModel })
  @ApiNotFoundResponse({ description: 'No such article' })
  async stats(@Param('id') id: string): Promise<ArticleStatsModel> {
    const [stats] = await this.knowledge.stats([assertUuid(id)]);
    if (!stats) throw new NotFoundError('The article');
    return stats;
  }

  @Post('knowledge/articles/:id/versions')
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Draft a new version of an article, in English or Welsh' })
  @ApiCreatedResponse({ type: ArticleVersionModel })
  @ApiBadRequestResponse({ description: 'Invalid input (problem+json with field errors)' })
  @ApiNotFoundResponse({ description: 'No such article' })
  async draft(@Param('id') id: string, @Body() body: ArticleTextInput, @CurrentPrincipal() principal: Principal) {
    return ArticleVersionModel.from(await this.knowledge.draft(assertUuid(id), body, principal));
  }

  @Post('knowledge/versions/:versionId/publication')
  @HttpCode(200)
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Publish a draft version; the published version it replaces is retired' })
  @ApiOkResponse({ type: ArticleVersionModel })
  @ApiNotFoundResponse({ description: 'No such article version' })
  @ApiConflictResponse({ description: 'The version is not a draft' })
  async publish(@Param('versionId') versionId: string) {
    return ArticleVersionModel.from(await this.knowledge.publish(assertUuid(versionId, 'versionId')));
  }

  @Post('knowledge/versions/:versionId/retirement')
  @HttpCode(200)
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Withdraw a version' })
  @ApiOkResponse({ type: ArticleVersionModel })
  @ApiNotFoundResponse({ description: 'No such article version' })
  @ApiConflictResponse({ description: 'The version is already retired' })
  async retire(@Param('versionId') versionId: string) {
    return ArticleVersionModel.from(await this.knowledge.retire(assertUuid(versionId, 'versionId')));
  }

  @Post('knowledge/versions/:versionId/ratings')
  @Roles(...ENQUIRY_READERS)
  @ApiOperation({
    summary:
      '"Did this help?" on a published version: once per reader of the article (and enquiry), answering again changes it',
    description:
      "Answers officers with the article's figures; anyone else with their own answer in the same shape (helpful or notHelpful 1).",
  })
  @ApiCreatedResponse({ type: ArticleStatsModel })
  @ApiBadRequestResponse({
    description: 'Invalid input, a version that is not published, or an enquiry you cannot see (problem+json)',
  })
  @ApiNotFoundResponse({ description: 'No such article version' })
  rate(@Param('versionId') versionId: string, @Body() body: RatingBody, @CurrentPrincipal() principal: Principal) {
    return this.knowledge.feedback(
      assertUuid(versionId, 'versionId'),
      body.helpful,
      principal,
      body.enquiryId ?? undefined,
    );
  }
}
