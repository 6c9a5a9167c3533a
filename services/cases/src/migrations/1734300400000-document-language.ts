import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentLanguage1734300400000 implements MigrationInterface {
  name = 'DocumentLanguage1734300400000';

  async up(q: QueryRunner): Promise<void> {
    // The language a document is written in, English or Welsh: a Welsh one is reviewed by someone who reads
    // Welsh. The documents received before it was asked for are taken as English.
    await q.query(
      `ALTER TABLE case_documents ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_documents DROP COLUMN language');
  }
}
