import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnquiryPriority } from '../../enquiry/domain/enquiry';
import type { TriageRule, TriageSuggestion } from '../domain/triage-rule';

export interface TriageDecisionRecord {
  ruleId: string | null;
  suggestedQueueId: string;
  suggestedPriority: EnquiryPriority;
  suggestedArticleIds: string[];
  queueId: string;
  priority: EnquiryPriority;
  articleIds: string[];
  overridden: boolean;
  reason: string | null;
  actor: string;
  at: Date;
}

const RULE_COLUMNS = `id, position, category, keywords, queue_id AS "queueId", priority, article_ids AS "articleIds", active`;

@Injectable()
export class TriageRepository {
  async rules(manager: EntityManager, activeOnly = true): Promise<TriageRule[]> {
    return (await manager.query(`SELECT ${RULE_COLUMNS} FROM triage_rules ${activeOnly ? 'WHERE active' : ''} ORDER BY position, id`)) as TriageRule[];
  }

  async saveRule(manager: EntityManager, rule: TriageRule, actor: string, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO triage_rules (id, position, category, keywords, queue_id, priority, article_ids, active, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, category = excluded.category, keywords = excluded.keywords,
         queue_id = excluded.queue_id, priority = excluded.priority, article_ids = excluded.article_ids, active = excluded.active,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [rule.id, rule.position, rule.category, rule.keywords, rule.queueId, rule.priority, rule.articleIds, rule.active, actor, now],
    );
  }

  async ruleExists(manager: EntityManager, id: string): Promise<boolean> {
    return ((await manager.query('SELECT 1 FROM triage_rules WHERE id = $1', [id])) as unknown[]).length > 0;
  }

  async recordDecision(manager: EntityManager, enquiryId: string, suggestion: TriageSuggestion, d: Omit<TriageDecisionRecord, 'ruleId' | 'suggestedQueueId' | 'suggestedPriority' | 'suggestedArticleIds'>): Promise<void> {
    await manager.query(
      `INSERT INTO triage_decisions (enquiry_id, rule_id, suggested_queue_id, suggested_priority, suggested_article_ids, queue_id, priority, article_ids, overridden, reason, actor, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [enquiryId, suggestion.ruleId, suggestion.queueId, suggestion.priority, suggestion.articleIds, d.queueId, d.priority, d.articleIds, d.overridden, d.reason, d.actor, d.at],
    );
  }

  /** The latest decision's suggestion, which an override is measured against. */
  async latestSuggestion(manager: EntityManager, enquiryId: string): Promise<TriageSuggestion | undefined> {
    const rows = (await manager.query(
      `SELECT rule_id AS "ruleId", suggested_queue_id AS "queueId", suggested_priority AS priority, suggested_article_ids AS "articleIds"
       FROM triage_decisions WHERE enquiry_id = $1 ORDER BY id DESC LIMIT 1`,
      [enquiryId],
    )) as TriageSuggestion[];
    return rows[0];
  }

  async decisions(manager: EntityManager, enquiryId: string): Promise<TriageDecisionRecord[]> {
    return (await manager.query(
      `SELECT rule_id AS "ruleId", suggested_queue_id AS "suggestedQueueId", suggested_priority AS "suggestedPriority",
              suggested_article_ids AS "suggestedArticleIds", queue_id AS "queueId", priority, article_ids AS "articleIds", overridden, reason, actor, at
       FROM triage_decisions WHERE enquiry_id = $1 ORDER BY id`,
      [enquiryId],
    )) as TriageDecisionRecord[];
  }

  /** Signposts the articles that exist; returns the ids signposted. */
  async signpost(manager: EntityManager, enquiryId: string, articleIds: readonly string[], actor: string, now: Date): Promise<string[]> {
    if (articleIds.length === 0) return [];
    const rows = (await manager.query(
      `INSERT INTO kb_signposts (enquiry_id, article_id, signposted_by, at)
       SELECT $1, a.id, $3, $4 FROM kb_articles a WHERE a.id = ANY ($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING article_id`,
      [enquiryId, articleIds, actor, now],
    )) as { article_id: string }[];
    return rows.map((r) => r.article_id);
  }

  async unknownArticles(manager: EntityManager, articleIds: readonly string[]): Promise<string[]> {
    if (articleIds.length === 0) return [];
    const rows = (await manager.query(`SELECT u.id FROM unnest($1::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM kb_articles a WHERE a.id = u.id)`, [articleIds])) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
