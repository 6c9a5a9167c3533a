import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { deadLetterTopic, defineEvent } from '@ccsc/contracts';
import { createTestTopic, describeKafka, eventually, kafkaBrokers, startOwnKafkaBroker } from '@ccsc/testing';
import { Kafka, logLevel } from 'kafkajs';
// The platform's transport (messaging.module.ts): the fault scenarios run on the client that ships.
import { PlatformaticKafkaTransport as KafkaTransport } from '../src/transport/platformatic-kafka.transport';
import type { EventTransport, Subscription, TransportMessage } from '../src/transport/event-transport';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { InboxConsumer, EventHandler } from '../src/inbox/inbox-consumer';
import { replayDeadLetters } from '../src/inbox/replay-dead-letters';
import { appendToOutbox } from '../src/outbox/outbox-writer';
import { Kit, messagingKit, StepV1 } from './messaging-test-kit';

const REPO_ROOT = join(__dirname, '..', '..', '..');

// Every scenario runs against the real broker the test infrastructure resolved (never a mock).
describeKafka('outbox, relay, Kafka and inbox', () => {
  let brokers: string[];
  let topic: string;
  let kit: Kit;
  let transport: KafkaTransport;
  const subscriptions: Subscription[] = [];

  const newTransport = () =>
    new KafkaTransport({ brokers, clientId: 'messaging-test', partitions: 3, replicationFactor: 1 });
  const relay = (t: EventTransport = transport) =>
    new OutboxRelay(kit.dataSource, t, { service: 'cases', idleMs: 50, maxBackoffMs: 500 });
  const consumer = (handler: EventHandler, options: { maxAttempts?: number } = {}) =>
    new InboxConsumer(kit.dataSource, transport, {
      service: 'cases',
      groupId: `test-${topic}`,
      topics: [topic],
      handlers: { [kit.step.type]: handler },
      maxAttempts: options.maxAttempts ?? 4,
      backoffMs: 20,
    });
  const startConsumer = async (handler: EventHandler, options?: { maxAttempts?: number }) => {
    const c = consumer(handler, options);
    await transport.ensureTopics(c.neededTopics());
    subscriptions.push(await c.start());
    return c;
  };
  const drain = async (r: OutboxRelay) => {
    while ((await r.relayOnce()) > 0);
  };

  beforeEach(async () => {
    brokers = kafkaBrokers()!;
    topic = await createTestTopic(brokers, 'messaging', 3);
    kit = await messagingKit(topic);
    transport = newTransport();
  });

  afterEach(async () => {
    for (const s of subscriptions.splice(0)) await s.stop();
    await transport.close();
    await kit.close();
  });

  it('publishes committed events and applies each one once', async () => {
    await startConsumer(kit.recordEffect);
    await kit.append('a1', [1, 2, 3]);
    await drain(relay());
    await eventually(async () =>
      expect(await kit.effects()).toEqual([1, 2, 3].map((seq) => ({ aggregate: 'a1', seq }))),
    );
    expect((await relay().backlog()).unpublished).toBe(0);
  });

  it('publishes nothing for a command that fails', async () => {
    await expect(
      kit.dataSource.transaction(async (m) => {
        await appendToOutbox(m, [{ type: kit.step, subject: 'a1', data: { aggregate: 'a1', seq: 1 } }]);
        throw new Error('the command failed after writing its event');
      }),
    ).rejects.toThrow('the command failed');
    await expect(
      kit.dataSource.transaction((m) =>
        appendToOutbox(m, [{ type: kit.step, subject: 'a1', data: { aggregate: 'a1', seq: -1 } }]),
      ),
    ).rejects.toThrow(/does not match its schema/);
    expect((await relay().backlog()).unpublished).toBe(0);
  });

  it('applies a duplicate delivery once', async () => {
    const c = await startConsumer(kit.recordEffect);
    await kit.append('a1', [1]);
    const [row] = (await kit.dataSource.query('SELECT envelope FROM outbox')) as [{ envelope: object }];
    const message: TransportMessage = { topic, key: 'a1', value: JSON.stringify(row.envelope), headers: {} };
    await transport.publish([message, message]);
    await transport.publish([message]);
    await eventually(async () => expect(await kit.effects()).toHaveLength(1));
    expect(await c.handle({ ...message, partition: 0, offset: '0' })).toBe('duplicate');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await kit.effects()).toHaveLength(1);
  });

  it('retries a handler that fails a few times, then applies the event', async () => {
    let failures = 0;
    await startConsumer(async (event, manager) => {
      if (failures < 2) {
        failures++;
        throw new Error('database hiccup');
      }
      await kit.recordEffect(event, manager);
    });
    await kit.append('a1', [7]);
    await drain(relay());
    await eventually(async () => expect(await kit.effects()).toEqual([{ aggregate: 'a1', seq: 7 }]));
    expect(failures).toBe(2);
    const [inbox] = (await kit.dataSource.query('SELECT status FROM inbox')) as [{ status: string }];
    expect(inbox.status).toBe('applied');
  });

  it('dead-letters a poison event in the middle of a batch with its error, keeps going, and applies it when replayed after a fix', async () => {
    let fixed = false;
    const c = await startConsumer(
      async (event, manager) => {
        if ((event.data as { seq: number }).seq === 13 && !fixed) throw new Error('cannot handle step 13');
        await kit.recordEffect(event, manager);
      },
      { maxAttempts: 3 },
    );
    await kit.append('a1', [12, 13, 14]);
    await drain(relay());
    await eventually(async () => expect((await kit.effects()).map((e) => e.seq)).toEqual([12, 14]));
    await eventually(async () => expect(await c.deadLetterCount()).toBe(1));

    const dlq = await readTopic(brokers, deadLetterTopic('cases'), (m) => m.headers['x-original-topic'] === topic);
    expect(dlq).toHaveLength(1);
    expect(dlq[0]!.headers).toMatchObject({
      'x-dead-letter-reason': 'cannot handle step 13',
      'x-consumer-group': `test-${topic}`,
    });

    fixed = true;
    expect(await replayDeadLetters(transport, 'cases', 2_000)).toBeGreaterThanOrEqual(1);
    await eventually(async () => expect((await kit.effects()).map((e) => e.seq).sort()).toEqual([12, 13, 14]));
    expect(await c.deadLetterCount()).toBe(0);
  });

  it('still publishes a row whose transaction commits after later rows', async () => {
    await startConsumer(kit.recordEffect);
    const slow = kit.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    await appendToOutbox(slow.manager, [{ type: kit.step, subject: 'slow', data: { aggregate: 'slow', seq: 1 } }]);
    await kit.append('fast', [1, 2]);
    const r = relay();
    await drain(r);
    await eventually(async () => expect((await kit.effects()).map((e) => e.aggregate)).toEqual(['fast', 'fast']));
    await slow.commitTransaction();
    await slow.release();
    await drain(r);
    await eventually(async () =>
      expect((await kit.effects()).map((e) => e.aggregate)).toEqual(['fast', 'fast', 'slow']),
    );
  });

  it('keeps accepting writes while the broker is unreachable, and delivers every event once it is back', async () => {
    await startConsumer(kit.recordEffect);
    // A transport whose broker refuses connections: what the relay sees while Kafka is down.
    const down = new KafkaTransport({
      brokers: ['127.0.0.1:1'],
      clientId: 'down',
      partitions: 3,
      replicationFactor: 1,
    });
    const failing = relay(down);
    await kit.append('a1', [1, 2]);
    await expect(failing.relayOnce()).rejects.toBeDefined();
    await kit.append('a1', [3]);
    expect((await failing.backlog()).unpublished).toBe(3);
    await down.close();

    const r = relay();
    r.start();
    try {
      await eventually(async () => expect((await kit.effects()).map((e) => e.seq)).toEqual([1, 2, 3]));
    } finally {
      await r.stop();
    }
  });

  it('keeps accepting writes while the broker is stopped, and delivers every event once it is restarted', async () => {
    const own = await startOwnKafkaBroker();
    if (!own) {
      // Brokers from KAFKA_BROKERS or a container cannot be stopped from here; the test above covers the outage then.
      if (process.env.REQUIRE_KAFKA === '1') throw new Error('CI needs a local broker it can stop and restart');
      return;
    }
    const ownTopic = await createTestTopic(own.brokers, 'outage', 3);
    const ownTransport = new KafkaTransport({
      brokers: own.brokers,
      clientId: 'outage',
      partitions: 3,
      replicationFactor: 1,
    });
    // A step type of its own on the broker's own topic: an event is accepted only on its type's topic.
    const ownStep = defineEvent('cases', `test-outage-${randomUUID().slice(0, 8)}`, 1, StepV1, ownTopic);
    const c = new InboxConsumer(kit.dataSource, ownTransport, {
      service: 'cases',
      groupId: `test-${ownTopic}`,
      topics: [ownTopic],
      handlers: { [ownStep.type]: kit.recordEffect },
    });
    await ownTransport.ensureTopics(c.neededTopics());
    const subscription = await c.start();
    const write = (seq: number) =>
      kit.dataSource.transaction((m) =>
        appendToOutbox(m, [{ type: ownStep, subject: 'a1', data: { aggregate: 'a1', seq } }]),
      );
    const r = new OutboxRelay(kit.dataSource, ownTransport, { service: 'cases', idleMs: 50, maxBackoffMs: 1_000 });
    r.start();
    try {
      await write(1);
      await eventually(async () => expect((await kit.effects()).map((e) => e.seq)).toEqual([1]), 30_000);

      await own.halt();
      for (const seq of [2, 3, 4]) await write(seq);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await r.backlog()).unpublished).toBe(3);

      await own.resume();
      await eventually(async () => expect((await kit.effects()).map((e) => e.seq)).toEqual([1, 2, 3, 4]), 90_000);
      expect((await r.backlog()).unpublished).toBe(0);
    } finally {
      await r.stop();
      await subscription.stop().catch(() => undefined);
      await ownTransport.close().catch(() => undefined);
      await own.stop();
    }
  });

  it('has no duplicate effect when the relay dies between publishing and marking', async () => {
    await startConsumer(kit.recordEffect);
    await kit.append('a1', [1, 2]);
    // Publishes for real, then "dies" before the rows are marked: the transaction rolls back.
    const dying: EventTransport = {
      name: 'kafka',
      ensureTopics: async () => undefined,
      consume: () => Promise.reject(new Error('unused')),
      close: async () => undefined,
      lag: async () => 0,
      publish: async (messages) => {
        await transport.publish(messages);
        throw new Error('relay killed');
      },
    };
    await expect(relay(dying).relayOnce()).rejects.toThrow('relay killed');
    expect((await relay().backlog()).unpublished).toBe(2);
    await drain(relay());
    await eventually(async () => expect(await kit.effects()).toHaveLength(2));
    const [{ n }] = (await kit.dataSource.query('SELECT count(*)::int AS n FROM inbox')) as [{ n: number }];
    expect(n).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await kit.effects()).toHaveLength(2);
  });

  /** Every aggregate's effects are its steps, each once and in order, and the inbox holds each event once. */
  const expectEachOnceInOrder = async (steps: Record<string, number[]>) => {
    const effects = await kit.effects();
    for (const [aggregate, seqs] of Object.entries(steps))
      expect(effects.filter((e) => e.aggregate === aggregate).map((e) => e.seq)).toEqual(seqs);
    expect(effects).toHaveLength(Object.values(steps).flat().length);
    const [{ n }] = (await kit.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE status = 'applied'`)) as [
      { n: number },
    ];
    expect(n).toBe(Object.values(steps).flat().length);
  };
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('has no lost and no doubled effect when a consumer process is killed mid-batch', async () => {
    const steps = { a: range(40), b: range(40), c: range(40) };
    for (const [aggregate, seqs] of Object.entries(steps)) await kit.append(aggregate, seqs);
    await transport.ensureTopics(consumer(kit.recordEffect).neededTopics());
    await drain(relay());

    // A consumer of the group in a process of its own stops inside a batch's transaction, and is killed there.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'tools/run.js'), join(REPO_ROOT, 'libs/messaging/test/consumer-process.ts')],
      {
        cwd: REPO_ROOT,
        env: {
          ...env,
          TOPIC: topic,
          STEP_NAME: kit.step.type.split('.')[1],
          STALL_AT: 'b:20',
          DATABASE_URL: kit.db.url,
          KAFKA_BROKERS: brokers.join(','),
          GROUP_ID: `test-${topic}`,
        },
        // Its stdin closes when this process ends, however it ends: the child then exits too.
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const exited = once(child, 'exit');
    exited.catch(() => undefined);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the consumer process never reached b:20')), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('stalled')) {
            clearTimeout(timer);
            resolve();
          }
        });
        exited.then(
          () => reject(new Error('the consumer process ended before b:20')),
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
        );
      });
      // b has a partition to itself, read in one batch: b:0 to b:20 are applied in its open transaction, none committed.
      expect((await kit.effects()).filter((e) => e.aggregate === 'b')).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }

    // Its successor in the group (once the dead member's session has lapsed) takes over from the committed offsets.
    await startConsumer(kit.recordEffect);
    await eventually(async () => expect(await kit.effects()).toHaveLength(120), 60_000);
    await eventually(async () => expect(await transport.lag(`test-${topic}`, [topic])).toBe(0), 30_000);
    await expectEachOnceInOrder(steps);
  }, 240_000);

  it('has no lost and no doubled effect when the group rebalances during a batch', async () => {
    // 120 steps an aggregate: every partition holds more than one batch (MAX_BATCH 100), so whichever the second
    // member is given, work on it is still waiting when the rebalance comes.
    const steps = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((a) => [a, range(120)]));
    for (const [aggregate, seqs] of Object.entries(steps)) await kit.append(aggregate, seqs);
    await transport.ensureTopics(consumer(kit.recordEffect).neededTopics());
    await drain(relay());
    // Slow enough that the first member is inside a batch when the second joins, and long after.
    const handled = { first: 0, second: 0 };
    let inBatch = 0;
    const slow =
      (member: keyof typeof handled): EventHandler =>
      async (event, manager) => {
        inBatch += 1;
        try {
          await new Promise((resolve) => setTimeout(resolve, 15));
          await kit.recordEffect(event, manager);
          handled[member] += 1;
        } finally {
          inBatch -= 1;
        }
      };

    await startConsumer(slow('first'));
    await eventually(async () => expect(inBatch).toBeGreaterThan(0), 30_000);
    await startConsumer(slow('second'));
    await eventually(async () => expect(await kit.effects()).toHaveLength(720), 150_000);
    await eventually(async () => expect(await transport.lag(`test-${topic}`, [topic])).toBe(0), 30_000);
    await expectEachOnceInOrder(steps);
    // The second member did take partitions over: the rebalance happened while there was work.
    expect(handled.second).toBeGreaterThan(0);
  }, 240_000);

  it('leaves the rows to the replica holding the lock, and carries on after its database connections are dropped', async () => {
    await kit.append('a', [0, 1, 2]);
    const r = relay();
    const holder = kit.dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query('SELECT pg_advisory_xact_lock($1)', [r.lockKey]);
      expect(await r.relayOnce()).toBe(0);
      expect((await r.backlog()).unpublished).toBe(3);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    // Every other connection to the database goes, the relay's pooled ones among them: a pass that meets a dead
    // one fails and gives it up, and the next pass works on a new one.
    await kit.dataSource.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await eventually(async () => expect(await r.relayOnce().catch(() => -1)).toBe(3), 10_000);
    expect((await r.backlog()).unpublished).toBe(0);
    await startConsumer(kit.recordEffect);
    await eventually(async () => expect(await kit.effects()).toHaveLength(3), 30_000);
  });

  it('keeps each aggregate in order across partitions, with two relays running at once', async () => {
    await startConsumer(kit.recordEffect);
    const aggregates = ['a', 'b', 'c', 'd', 'e', 'f'];
    await Promise.all(
      aggregates.map((a) =>
        kit.append(
          a,
          Array.from({ length: 15 }, (_, i) => i),
        ),
      ),
    );
    const relays = [relay(), relay()];
    relays.forEach((r) => r.start());
    try {
      await eventually(async () => expect(await kit.effects()).toHaveLength(aggregates.length * 15), 30_000);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    const effects = await kit.effects();
    for (const a of aggregates) {
      expect(effects.filter((e) => e.aggregate === a).map((e) => e.seq)).toEqual(
        Array.from({ length: 15 }, (_, i) => i),
      );
    }
    const published = await readTopic(brokers, topic, () => true);
    expect(published).toHaveLength(aggregates.length * 15);
    const partitionsUsed = new Set(published.map((m) => m.partition));
    expect(partitionsUsed.size).toBeGreaterThan(1);
  });
});

/** Reads a whole topic from the beginning with a throwaway consumer group. */
async function readTopic(
  brokers: string[],
  topic: string,
  keep: (m: { headers: Record<string, string>; partition: number }) => boolean,
) {
  const kafka = new Kafka({ brokers, clientId: 'reader', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const end = offsets.reduce((sum, o) => sum + Number(o.high), 0);
  const consumer = kafka.consumer({ groupId: `reader-${Date.now()}-${Math.random()}` });
  const seen: { headers: Record<string, string>; partition: number }[] = [];
  let total = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      total++;
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']),
      );
      if (keep({ headers, partition })) seen.push({ headers, partition });
    },
  });
  await eventually(async () => expect(total).toBeGreaterThanOrEqual(end), 20_000);
  await consumer.disconnect();
  return seen;
}
