import { randomUUID } from 'node:crypto';
import { createTestTopic, describeKafka, eventually, kafkaBrokers } from '@ccsc/testing';
import { PlatformaticKafkaTransport as KafkaTransport } from '../src/transport/platformatic-kafka.transport';
import type { Subscription } from '../src/transport/event-transport';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { appendToOutbox } from '../src/outbox/outbox-writer';
import { InboxConsumer, EventHandler } from '../src/inbox/inbox-consumer';
import { APPLIED_AT_SOURCE_HEADER, applyOwnEventsAtSource } from '../src/inbox/applied-at-source';
import { Kit, messagingKit, stepEnvelope } from './messaging-test-kit';

// A service's handlers of its own events run in the transaction that publishes them; its consumer,
// reading the same events back from Kafka, passes over them. Real PostgreSQL, real broker.
describeKafka('own events applied at source', () => {
  let topic: string;
  let kit: Kit;
  let transport: KafkaTransport;
  let subscription: Subscription | undefined;

  const relay = () => new OutboxRelay(kit.dataSource, transport, { service: 'cases', idleMs: 50, maxBackoffMs: 500 });
  const drain = async (r: OutboxRelay) => {
    while ((await r.relayOnce()) > 0);
  };
  /** The kit's step events are the `cases` service's own, so its consumer applies them at source. */
  const ownConsumer = async (handler: EventHandler) => {
    const consumer = new InboxConsumer(kit.dataSource, transport, {
      service: 'cases',
      groupId: `test-${topic}`,
      topics: [topic],
      handlers: { [kit.step.type]: handler },
      maxAttempts: 3,
      backoffMs: 20,
    });
    applyOwnEventsAtSource(kit.dataSource, consumer);
    await transport.ensureTopics(consumer.neededTopics());
    subscription = await consumer.start();
    return consumer;
  };
  const inbox = async () =>
    (await kit.dataSource.query('SELECT event_id, status FROM inbox ORDER BY received_at')) as {
      event_id: string;
      status: string;
    }[];
  const outbox = async () =>
    (await kit.dataSource.query('SELECT id, applied_at_source FROM outbox ORDER BY position')) as {
      id: string;
      applied_at_source: boolean;
    }[];

  beforeEach(async () => {
    const brokers = kafkaBrokers()!;
    topic = await createTestTopic(brokers, 'applied-at-source', 3);
    kit = await messagingKit(topic);
    transport = new KafkaTransport({
      brokers,
      clientId: 'applied-at-source-test',
      partitions: 3,
      replicationFactor: 1,
    });
  });

  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
    await transport.close();
    await kit.close();
  });

  it('applies an own event when its transaction commits, and once only when the consumer reads it back', async () => {
    const consumer = await ownConsumer(kit.recordEffect);
    await kit.append('a1', [1, 2]);
    // Committed with its cause, before any relay or consumer ran.
    expect(await kit.effects()).toEqual([
      { aggregate: 'a1', seq: 1 },
      { aggregate: 'a1', seq: 2 },
    ]);
    expect((await outbox()).map((row) => row.applied_at_source)).toEqual([true, true]);
    expect((await inbox()).map((row) => row.status)).toEqual(['applied', 'applied']);

    // A set-based insert of an outbox row (as a batch run writes them) is applied by the consumer; it
    // follows the first two on the same key, so once it is applied they have been read back.
    const later = stepEnvelope(kit.step, { subject: 'a1', data: { aggregate: 'a1', seq: 3 } });
    await kit.dataSource.query(
      'INSERT INTO outbox (id, topic, message_key, type, envelope) VALUES ($1, $2, $3, $4, $5)',
      [later.id, topic, 'a1', later.type, JSON.stringify(later)],
    );
    await drain(relay());
    await eventually(async () => expect(await kit.effects()).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await kit.effects()).toEqual([1, 2, 3].map((seq) => ({ aggregate: 'a1', seq })));
    expect(await inbox()).toHaveLength(3);

    // The header is what the consumer goes by: an own event marked so costs it no database write.
    const marked = { ...later, id: randomUUID(), data: { aggregate: 'a1', seq: 4 } };
    expect(
      await consumer.handle({
        topic,
        key: 'a1',
        value: JSON.stringify(marked),
        headers: { [APPLIED_AT_SOURCE_HEADER]: 'true' },
        partition: 0,
        offset: '0',
      }),
    ).toBe('duplicate');
    expect(await inbox()).toHaveLength(3);
  });

  it('commits the command when a handler fails at source, and the consumer applies the event once', async () => {
    let calls = 0;
    await ownConsumer(async (event, manager) => {
      calls += 1;
      await kit.recordEffect(event, manager);
      // Fails after writing, at source only: what it wrote is rolled back with it.
      if (calls === 1) throw new Error('the handler failed at source');
    });
    await kit.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO effects (event_id, aggregate, seq) VALUES ($1, 'command', 0)`, [randomUUID()]);
      await appendToOutbox(manager, [{ type: kit.step, subject: 'a1', data: { aggregate: 'a1', seq: 1 } }]);
    });
    // The command's own change and its event committed; the handler's effect and inbox row did not.
    expect(await kit.effects()).toEqual([{ aggregate: 'command', seq: 0 }]);
    expect(await outbox()).toEqual([expect.objectContaining({ applied_at_source: false })]);
    expect(await inbox()).toEqual([]);

    await drain(relay());
    await eventually(async () => expect(await kit.effects()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await kit.effects()).toEqual([
      { aggregate: 'command', seq: 0 },
      { aggregate: 'a1', seq: 1 },
    ]);
    expect(calls).toBe(2);
  });

  it('applies an event its own handler publishes in the same transaction', async () => {
    await ownConsumer(async (event, manager) => {
      await kit.recordEffect(event, manager);
      const { seq } = event.data as { seq: number };
      if (seq < 3)
        await appendToOutbox(manager, [{ type: kit.step, subject: 'a1', data: { aggregate: 'a1', seq: seq + 1 } }], {
          causationId: event.id,
        });
    });
    await kit.append('a1', [1]);
    expect(await kit.effects()).toEqual([1, 2, 3].map((seq) => ({ aggregate: 'a1', seq })));
    expect((await outbox()).map((row) => row.applied_at_source)).toEqual([true, true, true]);
  });
});
