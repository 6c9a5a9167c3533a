import { currentService, runAsService } from '@ccsc/platform';
import { eventually } from '@ccsc/testing';
import { InProcessTransport } from '../src/transport/in-process.transport';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { EventHandler, InboxConsumer } from '../src/inbox/inbox-consumer';
import { replayDeadLetters } from '../src/inbox/replay-dead-letters';
import { appendToOutbox } from '../src/outbox/outbox-writer';
import { deadLetterTopic } from '@ccsc/contracts';
import type { EventTransport, Subscription, TransportMessage } from '../src/transport/event-transport';
import { Kit, messagingKit, stepEnvelope } from './messaging-test-kit';

// The embedded stack's bus behind the same port: the same outbox, relay and inbox semantics.
describe('outbox and inbox over the in-process bus', () => {
  const topic = 'in-process.test';
  let kit: Kit;
  let transport: InProcessTransport;
  let subscription: Subscription | undefined;

  beforeEach(async () => {
    kit = await messagingKit(topic);
    transport = new InProcessTransport();
  });
  afterEach(async () => {
    await subscription?.stop();
    await kit.close();
  });

  /** The test step's consumer on the bus: two attempts, short back-off. */
  const consumerOf = (handler: EventHandler) =>
    new InboxConsumer(kit.dataSource, transport, {
      service: 'cases',
      topics: [topic],
      maxAttempts: 2,
      backoffMs: 5,
      handlers: { [kit.step.type]: handler },
    });

  /** What the outbox holds, as one partition's batch would hand it over to a consumer. */
  const outboxAsBatch = async (key: string) => {
    const rows = (await kit.dataSource.query('SELECT envelope FROM outbox ORDER BY position')) as {
      envelope: object;
    }[];
    return rows.map((row, i) => ({
      topic,
      key,
      value: JSON.stringify(row.envelope),
      headers: {},
      partition: 0,
      offset: String(i),
    }));
  };

  it('delivers in order, applies duplicates once, and dead-letters what keeps failing', async () => {
    const consumer = consumerOf(async (event, manager) => {
      if ((event.data as { seq: number }).seq === 99) throw new Error('poison');
      await kit.recordEffect(event, manager);
    });
    subscription = await consumer.start();
    await kit.append('a', [1, 2, 3, 99, 4]);
    const relay = new OutboxRelay(kit.dataSource, transport, { service: 'cases' });
    while ((await relay.relayOnce()) > 0);

    await eventually(async () => expect((await kit.effects()).map((e) => e.seq)).toEqual([1, 2, 3, 4]));
    expect(await consumer.deadLetterCount()).toBe(1);

    const [row] = (await kit.dataSource.query(
      `SELECT envelope FROM outbox WHERE (envelope->'data'->>'seq')::int = 1`,
    )) as [{ envelope: object }];
    await transport.publish([{ topic, key: 'a', value: JSON.stringify(row.envelope), headers: {} }]);
    await eventually(async () => expect(await transport.lag(consumer.groupId)).toBe(0));
    expect(await kit.effects()).toHaveLength(4);
  });

  it('applies a batch in one transaction, and around a poison message in its middle, each effect exactly once', async () => {
    let calls = 0;
    const consumer = consumerOf(async (event, manager) => {
      calls += 1;
      if ((event.data as { seq: number }).seq === 99) throw new Error('poison');
      await kit.recordEffect(event, manager);
    });
    await kit.append('a', [1, 2, 99, 3, 4]);
    const batch = await outboxAsBatch('a');

    // The run fails as a whole on the poison message, then goes one by one: the rest apply, the poison is dead-lettered.
    expect(await consumer.handleBatch(batch)).toEqual(['applied', 'applied', 'dead-lettered', 'applied', 'applied']);
    expect((await kit.effects()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    // 1, 2 and the poison in the batch transaction; then 1, 2, the poison twice (its attempts), 3 and 4.
    expect(calls).toBe(3 + 6);

    // The same batch again (a consumer that died before committing its offsets): nothing doubles.
    expect(await consumer.handleBatch(batch)).toEqual([
      'duplicate',
      'duplicate',
      'dead-lettered',
      'duplicate',
      'duplicate',
    ]);
    expect((await kit.effects()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await consumer.deadLetterCount()).toBe(1);
  });

  it('never dead-letters an event because the database was busy: the delivery fails and comes again', async () => {
    let databaseBack = false;
    const consumer = consumerOf(async (event, manager) => {
      // What pg-pool throws when no connection came within DATABASE_ACQUIRE_TIMEOUT_MS.
      if (!databaseBack) throw new Error('timeout exceeded when trying to connect');
      await kit.recordEffect(event, manager);
    });
    await kit.append('busy', [1, 2]);
    const batch = await outboxAsBatch('busy');

    // More deliveries than it has attempts: each fails as a whole, nothing recorded, nothing dead-lettered.
    for (let delivery = 0; delivery < 3; delivery++)
      await expect(consumer.handleBatch(batch)).rejects.toThrow('timeout exceeded when trying to connect');
    expect(await consumer.deadLetterCount()).toBe(0);
    expect(await kit.dataSource.query('SELECT * FROM inbox')).toEqual([]);

    databaseBack = true;
    expect(await consumer.handleBatch(batch)).toEqual(['applied', 'applied']);
    expect((await kit.effects()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('publishes on commit, not on the next poll, and backs off while publishing fails', async () => {
    const delivered: string[] = [];
    subscription = await transport.consume({
      groupId: 'wake-test',
      topics: [topic],
      handle: async (m) => void delivered.push(m.key),
    });
    // The broker can be taken down; every publish while it is counts as an attempt.
    let down = false;
    let attempts = 0;
    const flaky = Object.assign(Object.create(transport) as InProcessTransport, {
      publish: async (messages: TransportMessage[]) => {
        if (!down) return transport.publish(messages);
        attempts += 1;
        throw new Error('broker down');
      },
    });
    // An hour between polls: only the commit can make the relay publish within the test.
    const relay = new OutboxRelay(kit.dataSource, flaky, { service: 'cases', idleMs: 3_600_000, maxBackoffMs: 400 });
    relay.start();
    try {
      await kit.append('woken', [1]);
      await eventually(async () => expect(delivered).toEqual(['woken']), 5_000, 10);
      await kit.append('woken-again', [1]);
      await eventually(async () => expect(delivered).toEqual(['woken', 'woken-again']), 5_000, 10);

      // While the broker is down, commits do not make the relay hammer it: it backs off (at most 400 ms here).
      down = true;
      await kit.append('during-outage', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(attempts).toBeGreaterThan(0);
      expect(attempts).toBeLessThan(10);
      down = false;
      await eventually(async () => expect(delivered).toHaveLength(12), 5_000, 10);
    } finally {
      await relay.stop();
    }
  });

  it("runs a consumer's handlers as its own service, not as the publisher's", async () => {
    const seen: (string | undefined)[] = [];
    subscription = await runAsService('queries', () =>
      transport.consume({
        groupId: 'as-service',
        topics: [topic],
        handle: async () => void seen.push(currentService()),
      }),
    );
    await runAsService('cases', () => transport.publish([{ topic, key: 'k', value: '{}', headers: {} }]));
    await eventually(async () => expect(seen).toEqual(['queries']));
  });

  it('records an event of an unknown type or version and moves on', async () => {
    const consumer = new InboxConsumer(kit.dataSource, transport, {
      service: 'cases',
      topics: [topic],
      handlers: { [kit.step.type]: kit.recordEffect },
    });
    subscription = await consumer.start();
    const unknown = stepEnvelope(kit.step, { type: 'cases.case-teleported.v9', data: {} });
    await transport.publish([{ topic, key: 'a', value: JSON.stringify(unknown), headers: {} }]);
    await kit.append('a', [1]);
    const relay = new OutboxRelay(kit.dataSource, transport, { service: 'cases' });
    while ((await relay.relayOnce()) > 0);
    await eventually(async () => expect(await kit.effects()).toHaveLength(1));
    expect(await kit.dataSource.query('SELECT type, status FROM inbox ORDER BY received_at')).toEqual([
      { type: 'cases.case-teleported.v9', status: 'skipped' },
      { type: kit.step.type, status: 'applied' },
    ]);
  });

  it('passes over a known event it has no handler for, even when unknown ones are dead-lettered', async () => {
    // Services read whole topics for one or two of their events (queries reads cases' topic for access changes).
    const consumer = new InboxConsumer(kit.dataSource, transport, {
      service: 'cases',
      topics: [topic],
      unknownTypes: 'dead-letter',
      handlers: {},
    });
    subscription = await consumer.start();
    await kit.append('a', [1]);
    const relay = new OutboxRelay(kit.dataSource, transport, { service: 'cases' });
    while ((await relay.relayOnce()) > 0);
    await eventually(async () => expect(await transport.lag(consumer.groupId)).toBe(0));
    // Most of what a service reads is not for it: passing it over writes nothing.
    expect(await kit.dataSource.query('SELECT type, status, error FROM inbox')).toEqual([]);
    expect(await consumer.deadLetterCount()).toBe(0);
  });

  it("dead-letters, never applies, an envelope dated in the future, claiming another publisher, or on another service's topic", async () => {
    // Another publisher's topic that this consumer also reads: only that publisher may write it.
    const otherTopic = 'in-process.other-publisher';
    const consumer = new InboxConsumer(kit.dataSource, transport, {
      service: 'cases',
      topics: [topic, otherTopic],
      handlers: { [kit.step.type]: kit.recordEffect },
    });
    subscription = await consumer.start();
    const envelope = (overrides: Record<string, unknown>) => JSON.stringify(stepEnvelope(kit.step, overrides));
    await transport.publish([
      { topic, key: 'a', value: envelope({ time: '9999-12-31T00:00:00Z' }), headers: {} },
      { topic, key: 'a', value: envelope({ source: 'payments' }), headers: {} },
      { topic: otherTopic, key: 'a', value: envelope({ data: { aggregate: 'a', seq: 9 } }), headers: {} },
    ]);
    await eventually(async () => expect(await consumer.deadLetterCount()).toBe(2));
    await transport.publish([{ topic, key: 'a', value: envelope({ data: { aggregate: 'a', seq: 8 } }), headers: {} }]);
    // Delivered in order: once the valid one is applied, the two before it have been dealt with.
    await eventually(async () => expect(await kit.effects()).toEqual([{ aggregate: 'a', seq: 8 }]));
    // The forged ones are marked in the inbox; the future-dated envelope never reached it.
    expect(await consumer.deadLetterCount()).toBe(2);
    expect(
      (await kit.dataSource.query(`SELECT error FROM inbox WHERE status = 'dead-lettered' ORDER BY error`)).map(
        (r: { error: string }) => r.error,
      ),
    ).toEqual([expect.stringContaining('not payments'), expect.stringContaining(`not ${otherTopic}`)]);
  });

  it('replays a dead letter only onto the topic its event type travels on, whatever the header says', async () => {
    const letter = (originalTopic: string) => ({
      topic: deadLetterTopic('cases'),
      key: 'a',
      value: JSON.stringify(stepEnvelope(kit.step, { data: { aggregate: 'a', seq: 1 } })),
      headers: { 'x-original-topic': originalTopic },
    });
    const replayed: string[] = [];
    const watch = await transport.consume({
      groupId: 'replay-watch',
      topics: [topic, 'ccsc.payments.events'],
      handle: async (m) => void replayed.push(m.topic),
    });
    try {
      // This bus delivers only to groups that exist: the replay subscribes before the letters arrive.
      const replay = replayDeadLetters(transport, 'cases', 500);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await transport.publish([letter('ccsc.payments.events'), letter(topic)]);
      expect(await replay).toBe(1);
      await eventually(async () => expect(replayed).toEqual([topic]));
    } finally {
      await watch.stop();
    }
  });

  it('publishes at most 512 KiB of envelopes a pass, in order, and takes the rest at once without waiting for a poll', async () => {
    // Five events of about 200 KiB: two fit in a pass, a third would not.
    for (const seq of [1, 2, 3, 4, 5])
      await kit.dataSource.transaction((m) =>
        appendToOutbox(m, [{ type: kit.step, subject: 'big', data: { aggregate: 'x'.repeat(200 * 1024), seq } }]),
      );
    const batches: number[][] = [];
    const recording: EventTransport = {
      name: 'in-process',
      ensureTopics: async () => undefined,
      publish: async (messages) => {
        batches.push(messages.map((m) => (JSON.parse(m.value) as { data: { seq: number } }).data.seq));
      },
      consume: (options) => transport.consume(options),
      lag: async () => 0,
      close: async () => undefined,
    };
    const relay = new OutboxRelay(kit.dataSource, recording, { service: 'cases', idleMs: 60_000 });
    expect(await relay.relayOnce()).toBe(2);
    // The loop looks again at once after a pass that left rows behind: all of them within a second,
    // though its poll is a minute and no commit signalled it.
    relay.start();
    try {
      await eventually(async () => expect(batches.flat()).toHaveLength(5), 1_000);
    } finally {
      await relay.stop();
    }
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('offers an event again after a deadlock, without using up its attempts or dead-lettering it', async () => {
    let calls = 0;
    const consumer = new InboxConsumer(kit.dataSource, transport, {
      service: 'cases',
      topics: [topic],
      // One attempt: a failure that counted would dead-letter the event at once.
      maxAttempts: 1,
      backoffMs: 5,
      handlers: {
        [kit.step.type]: async (event, manager) => {
          calls += 1;
          if (calls === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
          await kit.recordEffect(event, manager);
        },
      },
    });
    subscription = await consumer.start();
    await kit.append('d', [1]);
    const relay = new OutboxRelay(kit.dataSource, transport, { service: 'cases' });
    await relay.relayOnce();
    await eventually(async () => expect(await kit.effects()).toEqual([{ aggregate: 'd', seq: 1 }]));
    expect(calls).toBe(2);
    expect(await consumer.deadLetterCount()).toBe(0);
  });
});
