import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eventTopic } from '@ccsc/contracts';
import { PlatformaticKafkaTransport } from '@ccsc/messaging';
import { describeKafka, eventually, kafkaBrokers } from '@ccsc/testing';
import { caseResulted, paymentAllocated, resulted, startEnforcementApp } from './enforcement-app';

// The same consumers on the real broker: cases' and payments' events are produced to their topics
// as their relays would, and enforcement's own events go out through its outbox to Kafka.
describeKafka('enforcement events over Kafka', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let producer: PlatformaticKafkaTransport;

  beforeAll(async () => {
    const brokers = kafkaBrokers()!;
    ({ app, close } = await startEnforcementApp({ KAFKA_BROKERS: brokers.join(','), OUTBOX_POLL_MS: '50' }));
    producer = new PlatformaticKafkaTransport({
      brokers,
      clientId: 'enforcement-test-producer',
      partitions: 3,
      replicationFactor: 1,
    });
    await producer.ensureTopics([eventTopic('cases'), eventTopic('payments')]);
  }, 60_000);
  afterAll(async () => {
    await producer.close();
    await close();
  });

  it('opens the account once for a redelivered result, applies a payment, and publishes its own events', async () => {
    const data = resulted();
    const message = caseResulted(data);
    await producer.publish([message, message]);
    const db = app.get(DataSource);
    const [account] = await eventually(async () => {
      const rows = (await db.query(`SELECT id, account_number FROM fine_accounts WHERE result_id = $1`, [
        data.resultId,
      ])) as { id: string; account_number: string }[];
      expect(rows).toHaveLength(1);
      return rows;
    }, 60_000);
    await producer.publish([paymentAllocated(account!.account_number, 50_000)]);
    await eventually(async () => {
      const [row] = (await db.query(`SELECT paid_pence::int AS paid FROM fine_accounts WHERE id = $1`, [
        account!.id,
      ])) as { paid: number }[];
      expect(row!.paid).toBe(50_000);
    }, 60_000);
    await eventually(async () => {
      const unpublished = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)) as {
        n: number;
      }[];
      expect(unpublished).toEqual([{ n: 0 }]);
    }, 60_000);
    expect(await db.query(`SELECT type FROM outbox ORDER BY position`)).toEqual([
      { type: 'enforcement.fine-account-opened.v1' },
      { type: 'enforcement.fine-account-registered.v1' },
      { type: 'enforcement.fine-payment-applied.v1' },
      { type: 'enforcement.compensation-payable.v1' },
    ]);
  }, 120_000);
});
