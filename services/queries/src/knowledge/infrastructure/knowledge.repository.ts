import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '../../enquiry/domain/enquiry';
import type { ArticleStatus } from '../domain/article';

export interface ArticleVersionRecord {
  id: string;
  articleId: string;
  version: number;
  language: Language;
  title: string;
  body: string;
  status: ArticleStatus;
  serviceTags: string[];
  createdAt: Date;
  publishedAt: Date | null;
  retiredAt: Date | null;
}

export interface SearchHit extends ArticleVersionRecord {
  rank: number;
}

export interface ArticleStats {
  articleId: string;
  helpful: number;
  notHelpful: number;
  signposted: number;
}

const VERSION_COLUMNS = `v.id, v.article_id AS "articleId", v.version, v.language, v.title, v.body, v.status, a.service_tags AS "serviceTags",
  v.created_at AS "createdAt", v.published_at AS "publishedAt", v.retired_at AS "retiredAt"`;

/** The text-search configuration of each language (PostgreSQL has no Welsh dictionary: see the migration). */
export const SEARCH_CONFIG: Record<Language, string> = { en: 'english', cy: 'simple' };

@Injectable()
export class KnowledgeRepository {
  async insertArticle(manager: EntityManager, id: string, serviceTags: string[], actor: string, now: Date): Promise<void> {
    await manager.query('INSERT INTO kb_articles (id, service_tags, created_by, created_at) VALUES ($1, $2, $3, $4)', [id, serviceTags, actor, now]);
  }

  async articleExists(manager: EntityManager, id: string, lock = false): Promise<boolean> {
    return ((await manager.query(`SELECT 1 FROM kb_articles WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as unknown[]).length > 0;
  }

  async insertVersion(manager: EntityManager, v: { id: string; articleId: string; language: Language; title: string; body: string; actor: string; now: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO kb_article_versions (id, article_id, version, language, title, body, status, created_by, created_at)
       SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4, $5, 'draft', $6, $7 FROM kb_article_versions WHERE article_id = $2 AND language = $3`,
      [v.id, v.articleId, v.language, v.title, v.body, v.actor, v.now],
    );
  }

  async version(manager: EntityManager, id: string, lock = false): Promise<ArticleVersionRecord | undefined> {
    const rows = (await manager.query(
      `SELECT ${VERSION_COLUMNS} FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id WHERE v.id = $1 ${lock ? 'FOR UPDATE OF v' : ''}`,
      [id],
    )) as ArticleVersionRecord[];
    return rows[0];
  }

  async versions(manager: EntityManager, articleId: string): Promise<ArticleVersionRecord[]> {
    return (await manager.query(
      `SELECT ${VERSION_COLUMNS} FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id WHERE v.article_id = $1 ORDER BY v.language, v.version`,
      [articleId],
    )) as ArticleVersionRecord[];
  }

  /** Publishing retires the version it replaces, in the same transaction. */
  async publish(manager: EntityManager, version: ArticleVersionRecord, now: Date): Promise<void> {
    await manager.query(`UPDATE kb_article_versions SET status = 'retired', retired_at = $3 WHERE article_id = $1 AND language = $2 AND status = 'published'`, [
      version.articleId,
      version.language,
      now,
    ]);
    await manager.query(`UPDATE kb_article_versions SET status = 'published', published_at = $2 WHERE id = $1`, [version.id, now]);
  }

  async retire(manager: EntityManager, versionId: string, now: Date): Promise<void> {
    await manager.query(`UPDATE kb_article_versions SET status = 'retired', retired_at = $2 WHERE id = $1`, [versionId, now]);
  }

  /**
   * Published versions in one language ranked by relevance. Any of the query's words may match
   * (an officer types "how do I pay my court fee", not a boolean query); ts_rank then puts the
   * versions that match more of them, and in the title (weight A), first.
   */
  async search(manager: EntityManager, text: string, language: Language, serviceTag: string | undefined, limit: number): Promise<SearchHit[]> {
    return (await manager.query(
      `WITH q AS (SELECT NULLIF(replace(plainto_tsquery($2::regconfig, $1)::text, ' & ', ' | '), '')::tsquery AS query)
       SELECT ${VERSION_COLUMNS}, ts_rank(v.search, q.query) AS rank
       FROM q, kb_article_versions v JOIN kb_articles a ON a.id = v.article_id
       WHERE v.status = 'published' AND v.language = $3 AND v.search @@ q.query AND ($4::text IS NULL OR $4 = ANY (a.service_tags))
       ORDER BY rank DESC, v.published_at DESC, v.id LIMIT $5`,
      [text, SEARCH_CONFIG[language], language, serviceTag ?? null, limit],
    )) as SearchHit[];
  }

  async feedback(manager: EntityManager, f: { articleId: string; versionId: string; helpful: boolean; enquiryId: string | null; by: string; at: Date }): Promise<void> {
    await manager.query(`INSERT INTO kb_feedback (article_id, version_id, helpful, enquiry_id, given_by, at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      f.articleId, f.versionId, f.helpful, f.enquiryId, f.by, f.at,
    ]);
  }

  async stats(manager: EntityManager, articleIds: readonly string[]): Promise<ArticleStats[]> {
    return (await manager.query(
      `SELECT a.id AS "articleId",
              (SELECT count(*) FROM kb_feedback f WHERE f.article_id = a.id AND f.helpful)::int AS helpful,
              (SELECT count(*) FROM kb_feedback f WHERE f.article_id = a.id AND NOT f.helpful)::int AS "notHelpful",
              (SELECT count(*) FROM kb_signposts s WHERE s.article_id = a.id)::int AS signposted
       FROM kb_articles a WHERE a.id = ANY ($1::uuid[])`,
      [articleIds],
    )) as ArticleStats[];
  }

  /** The published articles signposted on an enquiry, in its language where there is a version in it. */
  async signpostedOn(manager: EntityManager, enquiryId: string): Promise<ArticleVersionRecord[]> {
    return (await manager.query(
      `SELECT DISTINCT ON (s.article_id) ${VERSION_COLUMNS}
       FROM kb_signposts s JOIN enquiries e ON e.id = s.enquiry_id JOIN kb_articles a ON a.id = s.article_id
       JOIN kb_article_versions v ON v.article_id = s.article_id AND v.status = 'published'
       WHERE s.enquiry_id = $1 ORDER BY s.article_id, (v.language = e.language) DESC`,
      [enquiryId],
    )) as ArticleVersionRecord[];
  }
}
