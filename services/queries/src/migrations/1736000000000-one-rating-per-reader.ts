import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Did this help?" counts each reader once per version (and per enquiry they name): a reader who answers
 * again changes their answer. Ratings given more than once before keep the latest.
 */
export class OneRatingPerReader1736000000000 implements MigrationInterface {
  name = 'OneRatingPerReader1736000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM kb_feedback f USING kb_feedback later
        WHERE later.version_id = f.version_id AND later.given_by = f.given_by
          AND later.enquiry_id IS NOT DISTINCT FROM f.enquiry_id
          AND (later.at, later.id) > (f.at, f.id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX kb_feedback_one_per_reader ON kb_feedback (version_id, given_by, enquiry_id) NULLS NOT DISTINCT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX kb_feedback_one_per_reader`);
  }
}
