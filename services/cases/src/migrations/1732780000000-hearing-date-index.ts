import { MigrationInterface, QueryRunner } from 'typeorm';

export class HearingDateIndex1732780000000 implements MigrationInterface {
  name = 'HearingDateIndex1732780000000';

  async up(q: QueryRunner): Promise<void> {
    // Search by hearing date reads one day's hearings across all venues.
    await q.query(`CREATE INDEX hearings_starts_at ON hearings (starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX hearings_starts_at');
  }
}
