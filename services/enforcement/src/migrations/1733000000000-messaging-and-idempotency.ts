import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@ccsc/messaging';
import { createIdempotencyTable, dropIdempotencyTable } from '@ccsc/platform';

export class MessagingAndIdempotency1733000000000 implements MigrationInterface {
  name = 'MessagingAndIdempotency1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q);
    await createIdempotencyTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIdempotencyTable(q);
    await dropMessagingTables(q);
  }
}
