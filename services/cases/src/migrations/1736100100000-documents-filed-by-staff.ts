import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a document was filed by the court's staff, not a party: evidence is what the court filed or
 * accepted on review, so a status review's subject no longer makes their own by filing online. Documents
 * already accepted keep counting as they did (who filed them was not kept): their cases' readiness does not
 * change under them.
 */
export class DocumentsFiledByStaff1736100100000 implements MigrationInterface {
  name = 'DocumentsFiledByStaff1736100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_documents ADD COLUMN filed_by_staff boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE case_documents SET filed_by_staff = true WHERE status = 'accepted'`);
    // The default stays for this release: the previous one, still running while it rolls out, files
    // documents without the column (as a party's: not evidence until reviewed). The next release drops it.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_documents DROP COLUMN filed_by_staff`);
  }
}
