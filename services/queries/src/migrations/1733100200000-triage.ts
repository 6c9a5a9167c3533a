import { MigrationInterface, QueryRunner } from 'typeorm';

export class Triage1733100200000 implements MigrationInterface {
  name = 'Triage1733100200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE triage_rules (
        id uuid PRIMARY KEY,
        position int NOT NULL,
        category varchar(64),
        keywords text[] NOT NULL DEFAULT '{}',
        queue_id varchar(64) NOT NULL REFERENCES work_queues (id),
        priority varchar(8) CHECK (priority IN ('normal', 'urgent')),
        article_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        updated_by varchar(255) NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      INSERT INTO triage_rules (id, position, category, keywords, queue_id, priority, updated_by, updated_at) VALUES
        (gen_random_uuid(), 10, 'hearing', '{}', 'general', 'urgent', 'system', now()),
        (gen_random_uuid(), 20, NULL, '{help with fees,fee,fees,refund,ffi,ffioedd}', 'fees', NULL, 'system', now()),
        (gen_random_uuid(), 30, NULL, '{probate,will,grant of representation,profiant}', 'probate', NULL, 'system', now()),
        (gen_random_uuid(), 40, NULL, '{divorce,ysgariad,child arrangements}', 'family', NULL, 'system', now()),
        (gen_random_uuid(), 50, NULL, '{fine,penalty,dirwy,warrant}', 'crime', NULL, 'system', now()),
        (gen_random_uuid(), 60, NULL, '{appeal,tribunal,benefit,apêl}', 'tribunals', NULL, 'system', now()),
        (gen_random_uuid(), 70, NULL, '{money claim,claim,defence,judgment}', 'civil', NULL, 'system', now())`);
    // Each triage decision: what the rules suggested and what was decided, by whom and why.
    await q.query(`
      CREATE TABLE triage_decisions (
        id bigserial PRIMARY KEY,
        enquiry_id uuid NOT NULL REFERENCES enquiries (id),
        rule_id uuid REFERENCES triage_rules (id),
        suggested_queue_id varchar(64) NOT NULL,
        suggested_priority varchar(8) NOT NULL,
        suggested_article_ids uuid[] NOT NULL,
        queue_id varchar(64) NOT NULL,
        priority varchar(8) NOT NULL,
        article_ids uuid[] NOT NULL,
        overridden boolean NOT NULL,
        reason varchar(1000),
        actor varchar(255) NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX triage_decisions_enquiry ON triage_decisions (enquiry_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE triage_decisions');
    await q.query('DROP TABLE triage_rules');
  }
}
