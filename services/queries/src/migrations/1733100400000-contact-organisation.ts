import { MigrationInterface, QueryRunner } from 'typeorm';

/** A firm's enquiries are found through its contacts (the firm's access scope): index the firm on the contact. */
export class ContactOrganisation1733100400000 implements MigrationInterface {
  name = 'ContactOrganisation1733100400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX contacts_organisation ON contacts (organisation_id) WHERE organisation_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX contacts_organisation');
  }
}
