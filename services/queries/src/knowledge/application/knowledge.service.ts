import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, type Principal } from '@ccsc/auth';
import { OFFICERS } from '../../roles';
import { UnitOfWork } from '@ccsc/messaging';
import { BadUserInputError, NotFoundError } from '@ccsc/platform';
import type { Language } from '../../enquiry/domain/enquiry';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';
import {
  assertVersionMove,
  checkArticleText,
  checkTags,
  type ArticleStats,
  type ArticleVersionRecord,
  type SearchHit,
} from '../domain/article';
import { KnowledgeRepository } from '../infrastructure/knowledge.repository';

export interface ArticleText {
  language: Language;
  title: string;
  body: string;
}

/** The knowledge base: versioned articles, search, and whether they helped. */
@Injectable()
export class KnowledgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly knowledge: KnowledgeRepository,
    private readonly enquiries: EnquiryQueries,
  ) {}

  /** A new article, with its first version as a draft. */
  async create(
    serviceTags: string[],
    text: ArticleText,
    principal: Principal,
    now = new Date(),
  ): Promise<ArticleVersionRecord> {
    const tags = checkTags(serviceTags);
    checkArticleText(text.title, text.body);
    return this.unitOfWork.run(
      { actor: principal.sub },
      async ({ manager }) => {
        const articleId = randomUUID();
        const id = randomUUID();
        await this.knowledge.insertArticle(manager, articleId, tags, principal.sub, now);
        await this.knowledge.insertVersion(manager, { id, articleId, ...trimmed(text), actor: principal.sub, now });
        return this.requireVersion(id, manager);
      },
      now,
    );
  }

  /** A new draft version of an article in a language (the Welsh text is a version of its own). */
  async draft(
    articleId: string,
    text: ArticleText,
    principal: Principal,
    now = new Date(),
  ): Promise<ArticleVersionRecord> {
    checkArticleText(text.title, text.body);
    return this.unitOfWork.run(
      { actor: principal.sub },
      async ({ manager }) => {
        if (!(await this.knowledge.lockArticle(manager, articleId))) throw new NotFoundError('The article');
        const id = randomUUID();
        await this.knowledge.insertVersion(manager, { id, articleId, ...trimmed(text), actor: principal.sub, now });
        return this.requireVersion(id, manager);
      },
      now,
    );
  }

  async publish(versionId: string, now = new Date()): Promise<ArticleVersionRecord> {
    return this.unitOfWork.run(
      {},
      async ({ manager }) => {
        const version = await this.requireVersionForUpdate(versionId, manager);
        // Two publishes of one article at once would both retire the same old version: one waits.
        await this.knowledge.lockArticle(manager, version.articleId);
        assertVersionMove(version.status, 'published');
        await this.knowledge.publish(manager, version, now);
        return this.requireVersion(versionId, manager);
      },
      now,
    );
  }

  async retire(versionId: string, now = new Date()): Promise<ArticleVersionRecord> {
    return this.unitOfWork.run(
      {},
      async ({ manager }) => {
        const version = await this.requireVersionForUpdate(versionId, manager);
        assertVersionMove(version.status, 'retired');
        await this.knowledge.retire(manager, versionId, now);
        return this.requireVersion(versionId, manager);
      },
      now,
    );
  }

  async versions(articleId: string): Promise<ArticleVersionRecord[]> {
    const found = await this.knowledge.versions(this.dataSource.manager, articleId);
    if (found.length === 0) throw new NotFoundError('The article');
    return found;
  }

  async search(text: string, language: Language, serviceTag: string | undefined, limit: number): Promise<SearchHit[]> {
    if (!text.trim())
      throw new BadUserInputError('Nothing to search for', [{ field: 'text', message: 'must not be blank' }]);
    if (serviceTag !== undefined) checkTags([serviceTag]);
    return this.knowledge.search(this.dataSource.manager, text, language, serviceTag, limit);
  }

  /** "Did this help?" on a published version, optionally on the enquiry it was signposted for. */
  async feedback(
    versionId: string,
    helpful: boolean,
    principal: Principal,
    enquiryId?: string,
    now = new Date(),
  ): Promise<ArticleStats> {
    const version = await this.requireVersion(versionId);
    if (version.status !== 'published')
      throw new BadUserInputError('Feedback is for published articles', [
        { field: 'versionId', message: 'is not a published version' },
      ]);
    if (enquiryId && !(await this.enquiries.find(enquiryId, principal))) {
      throw new BadUserInputError('Unknown enquiry', [
        { field: 'enquiryId', message: 'is not an enquiry you can see' },
      ]);
    }
    const feedback = {
      articleId: version.articleId,
      versionId,
      helpful,
      enquiryId: enquiryId ?? null,
      by: principal.sub,
      at: now,
    };
    await this.unitOfWork.run(
      { actor: principal.sub },
      ({ manager }) => this.knowledge.feedback(manager, feedback),
      now,
    );
    // The article's figures are for officers (as its stats are); anyone else is answered with their own answer.
    if (!hasRole(principal, ...OFFICERS))
      return { articleId: version.articleId, helpful: helpful ? 1 : 0, notHelpful: helpful ? 0 : 1, signposted: 0 };
    const [stats] = await this.knowledge.stats(this.dataSource.manager, [version.articleId]);
    if (!stats) throw new NotFoundError('The article');
    return stats;
  }

  async stats(articleIds: readonly string[]): Promise<ArticleStats[]> {
    return this.knowledge.stats(this.dataSource.manager, articleIds);
  }

  /** The published articles signposted on an enquiry the caller may see. */
  async signpostedOn(enquiryId: string, principal: Principal): Promise<ArticleVersionRecord[]> {
    await this.enquiries.get(enquiryId, principal);
    return this.knowledge.signpostedOn(this.dataSource.manager, enquiryId);
  }

  private async requireVersion(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ArticleVersionRecord> {
    const found = await this.knowledge.version(manager, id);
    if (!found) throw new NotFoundError('The article version');
    return found;
  }

  private async requireVersionForUpdate(id: string, manager: EntityManager): Promise<ArticleVersionRecord> {
    const found = await this.knowledge.versionForUpdate(manager, id);
    if (!found) throw new NotFoundError('The article version');
    return found;
  }
}

function trimmed(text: ArticleText): ArticleText {
  return { language: text.language, title: text.title.trim(), body: text.body.trim() };
}
