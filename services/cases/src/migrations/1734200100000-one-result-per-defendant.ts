import { MigrationInterface, QueryRunner } from 'typeorm';

export class OneResultPerDefendant1734200100000 implements MigrationInterface {
  name = 'OneResultPerDefendant1734200100000';

  async up(q: QueryRunner): Promise<void> {
    // Each defendant of a case is resulted once (a case with co-defendants has a result for each); the
    // command refuses a second one, and this holds it against two results recorded at once.
    await q.query(`CREATE UNIQUE INDEX case_results_defendant ON case_results (case_id, defendant_party_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX case_results_defendant');
  }
}
