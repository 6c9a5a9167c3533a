import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who matched each party into its identity (every party-identity-changed event's actor, kept across merges): money
 * moves between two parties' accounts on a match only by someone else. Matches recorded before stay null, which no
 * one may move money on until staff make them again.
 */
export class IdentityMatchedBy1736200000000 implements MigrationInterface {
  name = 'IdentityMatchedBy1736200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE party_identities ADD COLUMN matched_by text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE party_identities DROP COLUMN matched_by`);
  }
}
