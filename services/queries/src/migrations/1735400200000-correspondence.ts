import { MigrationInterface, QueryRunner } from 'typeorm';
import { createCorrespondenceItemsTable, dropCorrespondenceItemsTable } from '@ccsc/correspondence/outbox';

/**
 * The queries service's correspondence_items (libs/correspondence): every acknowledgement to an enquiry's
 * contact, as rendered when it was recorded; `record_id` is the enquiry and `recipient_id` its contact.
 */
export class Correspondence1735400200000 implements MigrationInterface {
  name = 'Correspondence1735400200000';

  async up(q: QueryRunner): Promise<void> {
    await createCorrespondenceItemsTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropCorrespondenceItemsTable(q);
  }
}
