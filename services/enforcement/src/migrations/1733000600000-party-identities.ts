import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enforcement's copy of the matches staff make in cases between parties of different cases: a party id is one
 * case's, and a row here says which person or organisation it is. A party with no row is matched with no one.
 * Fed only by cases.party-identity-changed.v1; the index finds every party of an identity.
 */
export class PartyIdentities1733000600000 implements MigrationInterface {
  name = 'PartyIdentities1733000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE party_identities (
        party_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        identity_id uuid NOT NULL,
        matched_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX party_identities_identity ON party_identities (identity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE party_identities`);
  }
}
