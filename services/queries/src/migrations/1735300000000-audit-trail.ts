import { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTrailTable, dropAuditTrailTable } from '@ccsc/audit';

/** The queries service's audit trail (libs/audit): who changed or saw what, append-only. */
export class AuditTrail1735300000000 implements MigrationInterface {
  name = 'AuditTrail1735300000000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditTrailTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditTrailTable(q);
  }
}
