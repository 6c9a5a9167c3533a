import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@ccsc/messaging';
import { createIdempotencyTable, dropIdempotencyTable } from '@ccsc/platform';
import { createCaseAccessTable, dropCaseAccessTable } from '@ccsc/case-access';

export class MessagingAndAccess1733000000000 implements MigrationInterface {
  name = 'MessagingAndAccess1733000000000';

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
