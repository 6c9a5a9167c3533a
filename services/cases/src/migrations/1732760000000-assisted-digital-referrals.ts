import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssistedDigitalReferrals1732760000000 implements MigrationInterface {
  name = 'AssistedDigitalReferrals1732760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assisted_digital_referrals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        party_id uuid NOT NULL,
        needs text[] NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('referred', 'accepted', 'completed', 'declined')),
        supplier_reference varchar(100),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX assisted_digital_referrals_open ON assisted_digital_referrals (case_id) WHERE status IN ('referred', 'accepted')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assisted_digital_referrals');
  }
}
