import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fines section of the management information counts what happened in a period by the instant each
 * act was recorded: without these, a month's figures would read every imposition, payment and write-off
 * ever made. Accounts opened are read off fine_accounts_opened already.
 */
export class ManagementInformationIndexes1735400000000 implements MigrationInterface {
  name = 'ManagementInformationIndexes1735400000000';

  async up(q: QueryRunner): Promise<void> {
    // Also how a consolidation's copy finds the imposition it copied (the same instant), so no other index is needed.
    await q.query(`CREATE INDEX fine_impositions_imposed_at ON fine_impositions (imposed_at)`);
    await q.query(`CREATE INDEX fine_payments_applied_at ON fine_payments (applied_at)`);
    // Partial: few payments are ever taken back.
    await q.query(
      `CREATE INDEX fine_payments_reversed_at ON fine_payments (reversed_at) WHERE reversed_at IS NOT NULL`,
    );
    // Only an approved write-off moved money; the rest are the four-eyes workflow's.
    await q.query(`CREATE INDEX write_offs_approved_at ON write_offs (decided_at) WHERE status = 'approved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'write_offs_approved_at',
      'fine_payments_reversed_at',
      'fine_payments_applied_at',
      'fine_impositions_imposed_at',
    ])
      await q.query(`DROP INDEX ${index}`);
  }
}
