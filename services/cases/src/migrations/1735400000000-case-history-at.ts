import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseHistoryAt1735400000000 implements MigrationInterface {
  name = 'CaseHistoryAt1735400000000';

  async up(q: QueryRunner): Promise<void> {
    // Management information reads one period's transitions of every case; history is only indexed per case,
    // so without this each question would read the whole history of every case ever held.
    await q.query(`CREATE INDEX case_history_at ON case_history (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX case_history_at');
  }
}
