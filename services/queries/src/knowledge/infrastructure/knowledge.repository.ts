import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, rawSql, sql } from '@ccsc/platform';
import type { Language } from '../../enquiry/domain/enquiry';
import type { ArticleStats, ArticleVersionRecord, SearchHit } from '../domain/article';

const VERSION_COLUMNS = rawSql(`v.id, v.article_id AS "articleId", v.version, v.language, v.title, v.body, v.status,
  a.service_tags AS "serviceTags", v.created_at AS "createdAt", v.published_at AS "publishedAt",
  v.retired_at AS "retiredAt"`);

/** The text-search configuration of each language (PostgreSQL has no Welsh dictionary: see the migration). */
export const SEARCH_CONFIG: Record<Language, string> = { en: 'english', cy: 'simple' };

export interface NewVersion {
  id: string;
  articleId: string;
  language: Language;
  title: string;
  body: string;
  actor: string;
  now: Date;
}

export interface NewFeedback {
  articleId: string;
  versionId: string;
  helpful: boolean;
  enquiryId: string | null;
  by: string;
  at: Date;
}

@Injectable()
export class KnowledgeRepository {
  async insertArticle(manager: EntityManager, id: string, tags: string[], actor: string, now: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO kb_articles (id, service_tags, created_by, created_at)
          VALUES (${id}, ${tags}, ${actor}, ${now})`,
    );
  }

  /** Whether the article exists, locking it so that its versions change one at a time. */
  async lockArticle(manager: EntityManager, id: string): Promise<boolean> {
    return (await queryOne(manager, sql`SELECT 1 FROM kb_articles WHERE id = ${id} FOR UPDATE`)) !== undefined;
  }

  async insertVersion(manager: EntityManager, v: NewVersion): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO kb_article_versions (id, article_id, version, language, title, body, status, created_by,
            created_at)
          SELECT ${v.id}, ${v.articleId}, COALESCE(max(version), 0) + 1, ${v.language}, ${v.title}, ${v.body}, 'draft',
                 ${v.actor}, ${v.now}
          FROM kb_article_versions WHERE article_id = ${v.articleId} AND language = ${v.language}`,
    );
  }

  async version(manager: EntityManager, id: string): Promise<ArticleVersionRecord | undefined> {
    return queryOne<ArticleVersionRecord>(
      manager,
      sql`SELECT ${VERSION_COLUMNS} FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id
          WHERE v.id = ${id}`,
    );
  }

  async versionForUpdate(manager: EntityManager, id: string): Promise<ArticleVersionRecord | undefined> {
    return queryOne<ArticleVersionRecord>(
      manager,
      sql`SELECT ${VERSION_COLUMNS} FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id
          WHERE v.id = ${id} FOR UPDATE OF v`,
    );
  }

  async versions(manager: EntityManager, articleId: string): Promise<ArticleVersionRecord[]> {
    return query<ArticleVersionRecord>(
      manager,
      sql`SELECT ${VERSION_COLUMNS} FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id
          WHERE v.article_id = ${articleId} ORDER BY v.language, v.version`,
    );
  }

  /** Publishing retires the version it replaces, in the same transaction. */
  async publish(manager: EntityManager, version: ArticleVersionRecord, now: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE kb_article_versions SET status = 'retired', retired_at = ${now}
          WHERE article_id = ${version.articleId} AND language = ${version.language} AND status = 'published'`,
    );
    await execute(
      manager,
      sql`UPDATE kb_article_versions SET status = 'published', published_at = ${now} WHERE id = ${version.id}`,
    );
  }

  async retire(manager: EntityManager, versionId: string, now: Date): Promise<void> {
    await execute(
      manager,
      sql`UPDATE kb_article_versions SET status = 'retired', retired_at = ${now} WHERE id = ${versionId}`,
    );
  }

  /**
   * Published versions in one language ranked by relevance. Any of the query's words may match
   * (an officer types "how do I pay my court fee", not a boolean query); ts_rank then puts the
   * versions that match more of them, and in the title (weight A), first.
   */
  async search(
    manager: EntityManager,
    text: string,
    language: Language,
    serviceTag: string | undefined,
    limit: number,
  ): Promise<SearchHit[]> {
    const config = SEARCH_CONFIG[language];
    return query<SearchHit>(
      manager,
      sql`WITH q AS (
            SELECT NULLIF(replace(plainto_tsquery(${config}::regconfig, ${text})::text, ' & ', ' | '), '')::tsquery
              AS query
          )
          SELECT ${VERSION_COLUMNS}, ts_rank(v.search, q.query) AS rank
          FROM q, kb_article_versions v JOIN kb_articles a ON a.id = v.article_id
          WHERE v.status = 'published' AND v.language = ${language} AND v.search @@ q.query
            AND (${serviceTag ?? null}::text IS NULL OR ${serviceTag ?? null} = ANY (a.service_tags))
          ORDER BY rank DESC, v.published_at DESC, v.id LIMIT ${limit}`,
    );
  }

  async feedback(manager: EntityManager, f: NewFeedback): Promise<void> {
    await execute(
      manager,
      // A reader counts once per article and enquiry: answering again, on any version, changes the answer.
      sql`INSERT INTO kb_feedback (article_id, version_id, helpful, enquiry_id, given_by, at)
          VALUES (${f.articleId}, ${f.versionId}, ${f.helpful}, ${f.enquiryId}, ${f.by}, ${f.at})
          ON CONFLICT (article_id, given_by, enquiry_id)
          DO UPDATE SET version_id = EXCLUDED.version_id, helpful = EXCLUDED.helpful, at = EXCLUDED.at`,
    );
  }

  async stats(manager: EntityManager, articleIds: readonly string[]): Promise<ArticleStats[]> {
    return query<ArticleStats>(
      manager,
      sql`SELECT a.id AS "articleId",
                 (SELECT count(*) FROM kb_feedback f WHERE f.article_id = a.id AND f.helpful)::int AS helpful,
                 (SELECT count(*) FROM kb_feedback f WHERE f.article_id = a.id AND NOT f.helpful)::int AS "notHelpful",
                 (SELECT count(*) FROM kb_signposts s WHERE s.article_id = a.id)::int AS signposted
          FROM kb_articles a WHERE a.id = ANY (${articleIds}::uuid[])`,
    );
  }

  /** The published articles signposted on an enquiry, in its language where there is a version in it. */
  async signpostedOn(manager: EntityManager, enquiryId: string): Promise<ArticleVersionRecord[]> {
    return query<ArticleVersionRecord>(
      manager,
      sql`SELECT DISTINCT ON (s.article_id) ${VERSION_COLUMNS}
          FROM kb_signposts s JOIN enquiries e ON e.id = s.enquiry_id JOIN kb_articles a ON a.id = s.article_id
          JOIN kb_article_versions v ON v.article_id = s.article_id AND v.status = 'published'
          WHERE s.enquiry_id = ${enquiryId} ORDER BY s.article_id, (v.language = e.language) DESC`,
    );
  }
}
