import { MigrationInterface, QueryRunner } from 'typeorm';
import { createCaseAccessTable, dropCaseAccessTable } from '@ccsc/case-access';
import { createMessagingTables, dropMessagingTables } from '@ccsc/messaging';
import { createIdempotencyTable, dropIdempotencyTable } from '@ccsc/platform';

export class Foundation1733100000000 implements MigrationInterface {
  name = 'Foundation1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q);
    await createIdempotencyTable(q);
    await createCaseAccessTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropCaseAccessTable(q);
    await dropIdempotencyTable(q);
    await dropMessagingTables(q);
  }
}
