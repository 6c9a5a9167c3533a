import { MigrationInterface, QueryRunner } from 'typeorm';
import { createCorrespondenceItemsTable, dropCorrespondenceItemsTable } from '@ccsc/correspondence/outbox';

/**
 * Cases' correspondence_items (libs/correspondence): every letter or email to a case party, as rendered
 * when it was asked for; `record_id` is the case and `recipient_id` the party.
 */
export class Correspondence1735500100000 implements MigrationInterface {
  name = 'Correspondence1735500100000';

  async up(q: QueryRunner): Promise<void> {
    await createCorrespondenceItemsTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropCorrespondenceItemsTable(q);
  }
}
