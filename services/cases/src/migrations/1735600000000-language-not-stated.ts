import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A party's preferred language may be unstated (null): until now a party who had not said was recorded as
 * English, so a letter to an address in Wales went in English only where the Welsh Language Standards ask
 * for both. Parties recorded before keep the English they were given.
 */
export class LanguageNotStated1735600000000 implements MigrationInterface {
  name = 'LanguageNotStated1735600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_parties ALTER COLUMN preferred_language DROP NOT NULL, ALTER COLUMN preferred_language DROP DEFAULT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE case_parties SET preferred_language = 'en' WHERE preferred_language IS NULL`);
    await q.query(
      `ALTER TABLE case_parties ALTER COLUMN preferred_language SET DEFAULT 'en', ALTER COLUMN preferred_language SET NOT NULL`,
    );
  }
}
