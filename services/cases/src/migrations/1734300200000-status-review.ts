import { MigrationInterface, QueryRunner } from 'typeorm';

const CHECK_COLUMNS = `ARRAY['check_outcome', 'checked_by', 'checked_at', 'check_comments']`;

export class StatusReview1734300200000 implements MigrationInterface {
  name = 'StatusReview1734300200000';

  async up(q: QueryRunner): Promise<void> {
    // Who referred the person for review, and their concerns. Recorded, never edited.
    await q.query(`
      CREATE TABLE status_review_referrals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        stakeholder_kind varchar(32) NOT NULL
          CHECK (stakeholder_kind IN ('other-department', 'police', 'law-enforcement', 'internal-team')),
        stakeholder_name varchar(200) NOT NULL,
        contact_reference varchar(200),
        concerns text NOT NULL,
        recorded_by varchar(255) NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX status_review_referrals_case ON status_review_referrals (case_id, recorded_at)`);
    // One minded-to notice per case, with the day representations were due by as the calendar then said.
    await q.query(`
      CREATE TABLE minded_to_notices (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE REFERENCES cases (id),
        proposed_outcome varchar(200) NOT NULL,
        grounds text NOT NULL,
        representations_due_on date NOT NULL,
        calendar_version varchar(200) NOT NULL,
        issued_by varchar(255) NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE minded_to_representations (
        id uuid PRIMARY KEY,
        notice_id uuid NOT NULL REFERENCES minded_to_notices (id),
        case_id uuid NOT NULL REFERENCES cases (id),
        received_on date NOT NULL,
        made_by varchar(32) NOT NULL CHECK (made_by IN ('subject', 'representative')),
        summary text NOT NULL,
        recorded_by varchar(255) NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX minded_to_representations_case ON minded_to_representations (case_id, received_on)`);

    // A decision's check by a second person: recorded once, by someone other than the decision maker.
    await q.query(`
      ALTER TABLE case_decisions
        ADD COLUMN check_outcome varchar(16) CHECK (check_outcome IN ('approved', 'returned')),
        ADD COLUMN checked_by varchar(255),
        ADD COLUMN checked_at timestamptz,
        ADD COLUMN check_comments text,
        ADD CONSTRAINT case_decisions_check_whole
          CHECK ((check_outcome IS NULL) = (checked_by IS NULL) AND (checked_by IS NULL) = (checked_at IS NULL)),
        ADD CONSTRAINT case_decisions_returned_with_comments
          CHECK (check_outcome IS DISTINCT FROM 'returned' OR check_comments IS NOT NULL),
        ADD CONSTRAINT case_decisions_second_person CHECK (checked_by IS DISTINCT FROM decided_by)`);
    // Decisions stay as made: the one change allowed is recording the check on one not yet checked.
    await q.query(`
      CREATE OR REPLACE FUNCTION case_decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.checked_at IS NULL AND NEW.checked_at IS NOT NULL
          AND to_jsonb(NEW) - ${CHECK_COLUMNS} = to_jsonb(OLD) - ${CHECK_COLUMNS} THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'case decisions are never edited or deleted; record a superseding decision instead';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION case_decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case decisions are never edited or deleted; record a superseding decision instead';
      END $$`);
    await q.query(`
      ALTER TABLE case_decisions DROP CONSTRAINT case_decisions_second_person,
        DROP CONSTRAINT case_decisions_returned_with_comments, DROP CONSTRAINT case_decisions_check_whole,
        DROP COLUMN check_comments, DROP COLUMN checked_at, DROP COLUMN checked_by, DROP COLUMN check_outcome`);
    await q.query('DROP TABLE minded_to_representations');
    await q.query('DROP TABLE minded_to_notices');
    await q.query('DROP TABLE status_review_referrals');
  }
}
