import { MigrationInterface, QueryRunner } from 'typeorm';

/** An event can name several cases (a complaint about two cases): one entry per case, still idempotent per event. */
export class TimelinePerCase1732790000000 implements MigrationInterface {
  name = 'TimelinePerCase1732790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_timeline DROP CONSTRAINT case_timeline_pkey`);
    await q.query(`ALTER TABLE case_timeline ADD PRIMARY KEY (event_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_timeline DROP CONSTRAINT case_timeline_pkey`);
    await q.query(`ALTER TABLE case_timeline ADD PRIMARY KEY (event_id)`);
  }
}
