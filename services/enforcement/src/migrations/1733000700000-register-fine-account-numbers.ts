import { MigrationInterface, QueryRunner } from 'typeorm';
import { eventTopic, fineAccountRegisteredV1 } from '@ccsc/contracts';

/**
 * Payments now checks a card payment's fine account number against the numbers enforcement has issued
 * (`enforcement.fine-account-registered.v1`, published when an account opens). The accounts opened before
 * are announced once here, through the outbox like any event, so payments' register holds every number.
 */
export class RegisterFineAccountNumbers1733000700000 implements MigrationInterface {
  name = 'RegisterFineAccountNumbers1733000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO outbox (id, topic, message_key, type, envelope)
       SELECT a.event_id, $1::text, a.id::text, $2::text,
              jsonb_build_object('specversion', '1.0', 'id', a.event_id, 'source', 'enforcement', 'type', $2::text,
                                 'subject', a.id::text, 'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                 'datacontenttype', 'application/json', 'actor', 'system',
                                 'data', jsonb_build_object('accountId', a.id, 'accountNumber', a.account_number))
         FROM (SELECT gen_random_uuid() AS event_id, id, account_number, opened_at FROM fine_accounts) a
        ORDER BY a.opened_at, a.id`,
      [eventTopic('enforcement'), fineAccountRegisteredV1.type],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Announcements cannot be taken back once sent; the ones not relayed yet go.
    await q.query(`DELETE FROM outbox WHERE type = $1 AND published_at IS NULL`, [fineAccountRegisteredV1.type]);
  }
}
