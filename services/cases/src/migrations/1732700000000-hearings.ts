import { MigrationInterface, QueryRunner } from 'typeorm';

export class Hearings1732700000000 implements MigrationInterface {
  name = 'Hearings1732700000000';

  async up(q: QueryRunner): Promise<void> {
    // The checks repeat the hearing's own rules so that no write path, present or future, can
    // store a late hearing without its delay or a called-off one without its reason.
    await q.query(`
      CREATE TABLE hearings (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        venue_id varchar(32) NOT NULL,
        venue_name varchar(200) NOT NULL,
        hearing_type varchar(32) NOT NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes > 0),
        status varchar(16) NOT NULL
          CHECK (status IN ('listed', 'running-late', 'in-progress', 'adjourned', 'vacated', 'completed')),
        delay_minutes int CHECK (delay_minutes > 0),
        reason varchar(500),
        listed_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by varchar(255) NOT NULL,
        CONSTRAINT hearings_delay_when_late CHECK ((status = 'running-late') = (delay_minutes IS NOT NULL)),
        CONSTRAINT hearings_reason_when_called_off CHECK ((status IN ('adjourned', 'vacated')) = (reason IS NOT NULL))
      )`);
    // A case's hearings, soonest first.
    await q.query(`CREATE INDEX hearings_case_starts_at ON hearings (case_id, starts_at)`);
    // A venue's list for a day: a range of starts_at within one venue.
    await q.query(`CREATE INDEX hearings_venue_starts_at ON hearings (venue_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE hearings');
  }
}
