import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who besides the court reads a document: `shared_with` (every party once accepted, or the court and the side
 * it is filed for only) and `filed_for` (the parties it is filed for). Documents already held are shared with
 * the parties, as before, and filed for nobody (who filed them was not kept): a party's online filing was
 * accepted as it came and stays readable by all; a scan still in review is the court's until accepted.
 */
export class DocumentsSharedWith1736200000000 implements MigrationInterface {
  name = 'DocumentsSharedWith1736200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_documents
         ADD COLUMN shared_with varchar(10) NOT NULL DEFAULT 'parties' CHECK (shared_with IN ('parties', 'court')),
         ADD COLUMN filed_for uuid[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_documents DROP COLUMN shared_with, DROP COLUMN filed_for`);
  }
}
