import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each entry says who besides staff may read it (domain/timeline-audience). Existing entries get the
 * audience their event type has from now on: the case's procedural history for everyone on it,
 * everything else for staff (an old entry does not name the party it concerns).
 */
export class TimelineAudience1732800000000 implements MigrationInterface {
  name = 'TimelineAudience1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_timeline ADD COLUMN audience varchar(8) NOT NULL DEFAULT 'staff' CHECK (audience IN ('case', 'parties', 'staff'))`,
    );
    await q.query(`ALTER TABLE case_timeline ADD COLUMN party_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `UPDATE case_timeline SET audience = 'case' WHERE type IN (
         'cases.case-created.v1', 'cases.case-state-changed.v1', 'cases.party-added.v1', 'cases.representation-changed.v1',
         'cases.document-received.v1', 'cases.document-reviewed.v1', 'cases.case-resulted.v1', 'cases.decision-recorded.v1')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_timeline DROP COLUMN party_ids, DROP COLUMN audience`);
  }
}
