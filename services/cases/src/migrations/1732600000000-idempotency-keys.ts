import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable, dropIdempotencyTable } from '@ccsc/platform';

export class IdempotencyKeys1732600000000 implements MigrationInterface {
  name = 'IdempotencyKeys1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await createIdempotencyTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIdempotencyTable(q);
  }
}
