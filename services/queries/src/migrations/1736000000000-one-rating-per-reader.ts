import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Did this help?" counts each reader once per article (and per enquiry they name): a reader who answers
 * again, on this version or a later one, changes their answer. Ratings given more than once before keep the
 * latest. The table is locked while it is tidied and indexed, so a rating written meanwhile waits rather than
 * breaks the index. (A replica of an earlier release, which inserts without ON CONFLICT, fails a reader's second
 * rating once the index exists: queries is rolled forward whole, as its migration job runs before its pods.)
 */
export class OneRatingPerReader1736000000000 implements MigrationInterface {
  name = 'OneRatingPerReader1736000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE kb_feedback IN SHARE ROW EXCLUSIVE MODE`);
    await q.query(
      `DELETE FROM kb_feedback f USING kb_feedback later
        WHERE later.article_id = f.article_id AND later.given_by = f.given_by
          AND later.enquiry_id IS NOT DISTINCT FROM f.enquiry_id
          AND (later.at, later.id) > (f.at, f.id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX kb_feedback_one_per_reader ON kb_feedback (article_id, given_by, enquiry_id) NULLS NOT DISTINCT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX kb_feedback_one_per_reader`);
  }
}
