import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What had been paid and written off when an account's current terms were set: terms are a fresh start
 * for what was left then (terms/domain/terms-standing.ts). Accounts whose terms were varied before this
 * column existed get it from their history: what was applied to them before the last variation and not
 * reversed by then, and what was written off with approval before it.
 */
export class TermsFreshStart1735900000000 implements MigrationInterface {
  name = 'TermsFreshStart1735900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_accounts ADD COLUMN credited_before_terms_pence bigint NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE fine_accounts a
         SET credited_before_terms_pence = LEAST(a.paid_pence + a.written_off_pence, x.paid + x.written_off)
        FROM (
          SELECT h.account_id,
                 (SELECT COALESCE(sum(p.amount_pence), 0) FROM fine_payments p
                   WHERE p.account_id = h.account_id AND p.applied_at < h.changed_at
                     AND (p.reversed_at IS NULL OR p.reversed_at >= h.changed_at)) AS paid,
                 (SELECT COALESCE(sum(w.amount_pence), 0) FROM write_offs w
                   WHERE w.account_id = h.account_id AND w.status = 'approved' AND w.decided_at < h.changed_at)
                   AS written_off
            FROM payment_terms_history h
           WHERE (h.account_id, h.version) IN (SELECT account_id, max(version) FROM payment_terms_history GROUP BY account_id)
        ) x
       WHERE a.id = x.account_id AND a.terms_version > 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fine_accounts DROP COLUMN credited_before_terms_pence`);
  }
}
