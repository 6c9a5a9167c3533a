import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen or firm following their own complaints lists them newest first by who filed them; without
 * these the list walks every complaint (complaints_created) filtering on the complainant.
 */
export class ComplainantIndexes1733000100000 implements MigrationInterface {
  name = 'ComplainantIndexes1733000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX complaints_user ON complaints (complainant_user_id, created_at DESC, id DESC) WHERE complainant_user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX complaints_organisation ON complaints (complainant_organisation_id, created_at DESC, id DESC) WHERE complainant_organisation_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX complaints_organisation, complaints_user');
  }
}
