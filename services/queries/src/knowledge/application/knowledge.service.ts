import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { BadUserInputError, NotFoundError } from '@ccsc/platform';
import type { Language } from '../../enquiry/domain/enquiry';
import { EnquiryRepository } from '../../enquiry/infrastructure/enquiry.repository';
import { assertVersionMove, checkArticleText, checkTags } from '../domain/article';
import { ArticleStats, ArticleVersionRecord, KnowledgeRepository, SearchHit } from '../infrastructure/knowledge.repository';

export interface ArticleText {
  language: Language;
  title: string;
  body: string;
}

/** The knowledge base: versioned articles, search, and whether they helped. */
@Injectable()
export class KnowledgeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly knowledge: KnowledgeRepository,
    private readonly enquiries: EnquiryRepository,
  ) {}

  /** A new article, with its first version as a draft. */
  async create(serviceTags: string[], text: ArticleText, principal: Principal, now = new Date()): Promise<ArticleVersionRecord> {
    const tags = checkTags(serviceTags);
    checkArticleText(text.title, text.body);
    return this.dataSource.transaction(async (manager) => {
      const articleId = randomUUID();
      const id = randomUUID();
      await this.knowledge.insertArticle(manager, articleId, tags, principal.sub, now);
      await this.knowledge.insertVersion(manager, { id, articleId, ...trimmed(text), actor: principal.sub, now });
      return this.requireVersion(id, manager);
    });
  }

  /** A new draft version of an article in a language (the Welsh text is a version of its own). */
  async draft(articleId: string, text: ArticleText, principal: Principal, now = new Date()): Promise<ArticleVersionRecord> {
    checkArticleText(text.title, text.body);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.knowledge.articleExists(manager, articleId, true))) throw new NotFoundError('The article');
      const id = randomUUID();
      await this.knowledge.insertVersion(manager, { id, articleId, ...trimmed(text), actor: principal.sub, now });
      return this.requireVersion(id, manager);
    });
  }

  async publish(versionId: string, now = new Date()): Promise<ArticleVersionRecord> {
    return this.dataSource.transaction(async (manager) => {
      const version = await this.requireVersion(versionId, manager, true);
      // Two publishes of one article at once would both retire the same old version: one waits.
      await this.knowledge.articleExists(manager, version.articleId, true);
      assertVersionMove(version.status, 'published');
      await this.knowledge.publish(manager, version, now);
      return this.requireVersion(versionId, manager);
    });
  }

  async retire(versionId: string, now = new Date()): Promise<ArticleVersionRecord> {
    return this.dataSource.transaction(async (manager) => {
      const version = await this.requireVersion(versionId, manager, true);
      assertVersionMove(version.status, 'retired');
      await this.knowledge.retire(manager, versionId, now);
      return this.requireVersion(versionId, manager);
    });
  }

  async versions(articleId: string): Promise<ArticleVersionRecord[]> {
    const found = await this.knowledge.versions(this.dataSource.manager, articleId);
    if (found.length === 0) throw new NotFoundError('The article');
    return found;
  }

  async search(text: string, language: Language, serviceTag: string | undefined, limit: number): Promise<SearchHit[]> {
    if (!text.trim()) throw new BadUserInputError('Nothing to search for', [{ field: 'text', message: 'must not be blank' }]);
    if (serviceTag !== undefined) checkTags([serviceTag]);
    return this.knowledge.search(this.dataSource.manager, text, language, serviceTag, limit);
  }

  /** "Did this help?" on a published version, optionally on the enquiry it was signposted for. */
  async feedback(versionId: string, helpful: boolean, principal: Principal, enquiryId?: string, now = new Date()): Promise<ArticleStats> {
    const version = await this.requireVersion(versionId);
    if (version.status !== 'published') throw new BadUserInputError('Feedback is for published articles', [{ field: 'versionId', message: 'is not a published version' }]);
    if (enquiryId && !(await this.enquiries.find(this.dataSource.manager, enquiryId, principal))) {
      throw new BadUserInputError('Unknown enquiry', [{ field: 'enquiryId', message: 'is not an enquiry you can see' }]);
    }
    await this.knowledge.feedback(this.dataSource.manager, { articleId: version.articleId, versionId, helpful, enquiryId: enquiryId ?? null, by: principal.sub, at: now });
    const [stats] = await this.knowledge.stats(this.dataSource.manager, [version.articleId]);
    if (!stats) throw new NotFoundError('The article');
    return stats;
  }

  async stats(articleIds: readonly string[]): Promise<ArticleStats[]> {
    return this.knowledge.stats(this.dataSource.manager, articleIds);
  }

  private async requireVersion(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ArticleVersionRecord> {
    const found = await this.knowledge.version(manager, id, lock);
    if (!found) throw new NotFoundError('The article version');
    return found;
  }
}

function trimmed(text: ArticleText): ArticleText {
  return { language: text.language, title: text.title.trim(), body: text.body.trim() };
}
