import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, query, queryOne, rawSql, sql } from '@ccsc/platform';
import type { TriageDecisionRecord, TriageRule, TriageSuggestion } from '../domain/triage-rule';

const RULE_COLUMNS = rawSql(
  `id, position, category, keywords, queue_id AS "queueId", priority, article_ids AS "articleIds", active`,
);

/** A decision on top of the suggestion it is measured against. */
export type NewDecision = Omit<
  TriageDecisionRecord,
  'ruleId' | 'suggestedQueueId' | 'suggestedPriority' | 'suggestedArticleIds'
>;

@Injectable()
export class TriageRepository {
  async rules(manager: EntityManager, activeOnly = true): Promise<TriageRule[]> {
    const where = activeOnly ? sql`WHERE active` : rawSql('');
    return query<TriageRule>(manager, sql`SELECT ${RULE_COLUMNS} FROM triage_rules ${where} ORDER BY position, id`);
  }

  async saveRule(manager: EntityManager, rule: TriageRule, actor: string, now: Date): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO triage_rules (id, position, category, keywords, queue_id, priority, article_ids, active,
            updated_by, updated_at)
          VALUES (${rule.id}, ${rule.position}, ${rule.category}, ${rule.keywords}, ${rule.queueId}, ${rule.priority},
                  ${rule.articleIds}, ${rule.active}, ${actor}, ${now})
          ON CONFLICT (id) DO UPDATE SET position = excluded.position, category = excluded.category,
            keywords = excluded.keywords, queue_id = excluded.queue_id, priority = excluded.priority,
            article_ids = excluded.article_ids, active = excluded.active, updated_by = excluded.updated_by,
            updated_at = excluded.updated_at`,
    );
  }

  async ruleExists(manager: EntityManager, id: string): Promise<boolean> {
    return (await queryOne(manager, sql`SELECT 1 FROM triage_rules WHERE id = ${id}`)) !== undefined;
  }

  async recordDecision(
    manager: EntityManager,
    enquiryId: string,
    suggestion: TriageSuggestion,
    d: NewDecision,
  ): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO triage_decisions (enquiry_id, rule_id, suggested_queue_id, suggested_priority,
            suggested_article_ids, queue_id, priority, article_ids, overridden, reason, actor, at)
          VALUES (${enquiryId}, ${suggestion.ruleId}, ${suggestion.queueId}, ${suggestion.priority},
                  ${suggestion.articleIds}, ${d.queueId}, ${d.priority}, ${d.articleIds}, ${d.overridden}, ${d.reason},
                  ${d.actor}, ${d.at})`,
    );
  }

  /** The latest decision's suggestion, which an override is measured against. */
  async latestSuggestion(manager: EntityManager, enquiryId: string): Promise<TriageSuggestion | undefined> {
    return queryOne<TriageSuggestion>(
      manager,
      sql`SELECT rule_id AS "ruleId", suggested_queue_id AS "queueId", suggested_priority AS priority,
                 suggested_article_ids AS "articleIds"
          FROM triage_decisions WHERE enquiry_id = ${enquiryId} ORDER BY id DESC LIMIT 1`,
    );
  }

  async decisions(manager: EntityManager, enquiryId: string): Promise<TriageDecisionRecord[]> {
    return query<TriageDecisionRecord>(
      manager,
      sql`SELECT rule_id AS "ruleId", suggested_queue_id AS "suggestedQueueId",
                 suggested_priority AS "suggestedPriority", suggested_article_ids AS "suggestedArticleIds",
                 queue_id AS "queueId", priority, article_ids AS "articleIds", overridden, reason, actor, at
          FROM triage_decisions WHERE enquiry_id = ${enquiryId} ORDER BY id`,
    );
  }

  /** Signposts the articles that exist; returns the ids signposted. */
  async signpost(
    manager: EntityManager,
    enquiryId: string,
    articleIds: readonly string[],
    actor: string,
    now: Date,
  ): Promise<string[]> {
    if (articleIds.length === 0) return [];
    const rows = await query<{ article_id: string }>(
      manager,
      sql`INSERT INTO kb_signposts (enquiry_id, article_id, signposted_by, at)
          SELECT ${enquiryId}, a.id, ${actor}, ${now} FROM kb_articles a WHERE a.id = ANY (${articleIds}::uuid[])
          ON CONFLICT DO NOTHING RETURNING article_id`,
    );
    return rows.map((r) => r.article_id);
  }

  async unknownArticles(manager: EntityManager, articleIds: readonly string[]): Promise<string[]> {
    if (articleIds.length === 0) return [];
    const rows = await query<{ id: string }>(
      manager,
      sql`SELECT u.id FROM unnest(${articleIds}::uuid[]) AS u(id)
          WHERE NOT EXISTS (SELECT 1 FROM kb_articles a WHERE a.id = u.id)`,
    );
    return rows.map((r) => r.id);
  }
}
