import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { inspect, promisify } from 'node:util';
import { createTestTopic, describeKafka, eventually, kafkaBrokers, startOwnKafkaBroker } from '@ccsc/testing';
import { kafkaSasl } from '../src/messaging-config';
import { KafkajsTransport } from './kafkajs.transport';
import { PlatformaticKafkaTransport } from '../src/transport/platformatic-kafka.transport';
import type { ConsumedMessage, ConsumeOptions, Subscription, TransportMessage } from '../src/transport/event-transport';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { InboxConsumer } from '../src/inbox/inbox-consumer';
import { Kit, messagingKit } from './messaging-test-kit';

const ROOT = join(__dirname, '..', '..', '..');

// The same behaviours as the kafkajs transport's (kafkajs.transport.ts), against the real broker the test run resolved.
describeKafka('@platformatic/kafka transport', () => {
  let brokers: string[];
  let topic: string;
  let transport: PlatformaticKafkaTransport;
  const subscriptions: Subscription[] = [];

  const newTransport = (clientId = 'platformatic-test') =>
    new PlatformaticKafkaTransport({ brokers, clientId, partitions: 3, replicationFactor: 1 });
  const consume = async (options: Omit<ConsumeOptions, 'topics' | 'handle'> & Partial<ConsumeOptions>) => {
    const subscription = await transport.consume({
      topics: [topic],
      handle: () => Promise.reject(new Error('handleBatch is given')),
      ...options,
    });
    subscriptions.push(subscription);
    return subscription;
  };
  const message = (key: string, value: string): TransportMessage => ({ topic, key, value, headers: { 'x-test': key } });

  beforeEach(async () => {
    brokers = kafkaBrokers()!;
    topic = await createTestTopic(brokers, 'platformatic', 3);
    transport = newTransport();
  });

  afterEach(async () => {
    for (const s of subscriptions.splice(0)) await s.stop();
    await transport.close();
  });

  it('creates missing topics with the configured partitions, and leaves existing ones alone', async () => {
    const fresh = `${topic}-created`;
    await transport.ensureTopics([fresh, topic]);
    await transport.ensureTopics([fresh]);
    await transport.publish([{ topic: fresh, key: 'k', value: 'v', headers: {} }]);
    expect(await transport.lag('nobody-yet', [fresh])).toBe(1);
  });

  it('works partitions at once: a slow batch on one partition does not hold up the others', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `case-${i}-${topic}`);
    for (let seq = 0; seq < 5; seq++) await transport.publish(keys.map((k) => message(k, String(seq))));
    // The first batch handed over waits until a batch of another partition has started: one partition
    // at a time, it would wait for ever (here, until the 10 s guard gives up and the test fails).
    let firstPartition: number | undefined;
    let otherStarted!: () => void;
    const other = new Promise<void>((resolve) => (otherStarted = resolve));
    const received: ConsumedMessage[] = [];
    let waitedFor = false;
    await consume({
      groupId: `test-${topic}`,
      handleBatch: async (batch) => {
        const partition = batch[0].partition;
        if (firstPartition === undefined) {
          firstPartition = partition;
          waitedFor = await Promise.race([
            other.then(() => true),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
          ]);
        } else if (partition !== firstPartition) otherStarted();
        received.push(...batch);
      },
    });
    await eventually(async () => expect(received).toHaveLength(keys.length * 5), 30_000);
    expect(waitedFor).toBe(true);
    // Each key still in order.
    for (const key of keys)
      expect(received.filter((m) => m.key === key).map((m) => m.value)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('puts each key on the partition kafkajs puts it on, and keeps its order there', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `case-${i}-${topic}`);
    const kafkajs = new KafkajsTransport({ brokers, clientId: 'kafkajs-test', partitions: 3, replicationFactor: 1 });
    try {
      await kafkajs.publish(keys.map((k) => message(k, 'kafkajs')));
    } finally {
      await kafkajs.close();
    }
    for (let seq = 0; seq < 10; seq++) await transport.publish(keys.map((k) => message(k, String(seq))));

    const batches: ConsumedMessage[][] = [];
    await consume({ groupId: `test-${topic}`, handleBatch: async (batch) => void batches.push(batch) });
    const received = () => batches.flat();
    await eventually(async () => expect(received()).toHaveLength(keys.length * 11), 30_000);

    for (const key of keys) {
      const ofKey = received().filter((m) => m.key === key);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      expect(ofKey.map((m) => m.value)).toEqual(['kafkajs', ...Array.from({ length: 10 }, (_, i) => String(i))]);
      expect(ofKey[0]!.headers).toEqual({ 'x-test': key });
    }
    expect(new Set(received().map((m) => m.partition)).size).toBeGreaterThan(1);
    // A batch is one partition's, in offset order.
    for (const batch of batches) {
      expect(new Set(batch.map((m) => m.partition)).size).toBe(1);
      const offsets = batch.map((m) => Number(m.offset));
      expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
    }
  });

  it('shares a group’s partitions between its members and delivers each message to one of them', async () => {
    const byMember: ConsumedMessage[][] = [[], []];
    const groupId = `test-${topic}`;
    for (const seen of byMember) await consume({ groupId, handleBatch: async (batch) => void seen.push(...batch) });
    // Keys on every partition until both members have had some: the group has settled.
    const keys = Array.from({ length: 12 }, (_, i) => `probe-${i}`);
    await eventually(async () => {
      await transport.publish(keys.map((k) => message(k, 'probe')));
      expect(byMember.every((seen) => seen.length > 0)).toBe(true);
    }, 30_000);
    const values = Array.from({ length: 60 }, (_, i) => `event-${i}`);
    await transport.publish(values.map((v, i) => message(`case-${i % 12}`, v)));
    const delivered = () => byMember.flat().filter((m) => m.value.startsWith('event-'));
    await eventually(async () => expect(new Set(delivered().map((m) => m.value))).toEqual(new Set(values)), 30_000);
    // A partition belongs to one member: no message of this settled group went to both.
    expect(delivered()).toHaveLength(values.length);
    expect(byMember.every((seen) => seen.some((m) => m.value.startsWith('event-')))).toBe(true);
  });

  it('commits a batch only once its handler has resolved: stopped mid-way and restarted, nothing is lost', async () => {
    const groupId = `test-${topic}`;
    // One key, so one partition: batches of at most 100 in offset order.
    await transport.publish(Array.from({ length: 250 }, (_, i) => message('one-case', String(i))));
    const first: ConsumedMessage[][] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const subscription = await consume({
      groupId,
      handleBatch: async (batch) => {
        first.push(batch);
        if (first.length === 2) await held;
      },
    });
    await eventually(async () => expect(first).toHaveLength(2), 30_000);
    const committedBeforeHeld = first[0]!.length;
    // The second batch is in its handler: only the first is committed, and stays so while it is held.
    await eventually(async () => expect(await transport.lag(groupId, [topic])).toBe(250 - committedBeforeHeld));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await transport.lag(groupId, [topic])).toBe(250 - committedBeforeHeld);

    const stopped = subscription.stop();
    release();
    await stopped;
    subscriptions.splice(subscriptions.indexOf(subscription), 1);
    const handledFirst = first.flat().map((m) => Number(m.offset));
    expect(handledFirst).toEqual(Array.from({ length: handledFirst.length }, (_, i) => i));
    expect(await transport.lag(groupId, [topic])).toBe(250 - handledFirst.length);

    // A restart, whose first call fails: that batch comes again, and the rest follows in order.
    const second: ConsumedMessage[][] = [];
    await consume({
      groupId,
      handleBatch: async (batch) => {
        second.push(batch);
        if (second.length === 1) throw new Error('the database went away');
      },
    });
    await eventually(
      async () =>
        expect(
          second
            .slice(1)
            .flat()
            .map((m) => Number(m.offset))
            .at(-1),
        ).toBe(249),
      30_000,
    );
    expect(second[0]![0]!.offset).toBe(String(handledFirst.length));
    expect(second[1]![0]!.offset).toBe(String(handledFirst.length));
    const handledAfter = second
      .slice(1)
      .flat()
      .map((m) => Number(m.offset));
    expect([...handledFirst, ...handledAfter]).toEqual(Array.from({ length: 250 }, (_, i) => i));
    await eventually(async () => expect(await transport.lag(groupId, [topic])).toBe(0));
  });

  it('hands messages over one at a time without handleBatch, in order, and commits them', async () => {
    const groupId = `test-${topic}`;
    await transport.publish(Array.from({ length: 30 }, (_, i) => message('one-case', String(i))));
    const received: string[] = [];
    await consume({ groupId, handleBatch: undefined, handle: async (m) => void received.push(m.value) });
    await eventually(async () => expect(received).toEqual(Array.from({ length: 30 }, (_, i) => String(i))), 30_000);
    await eventually(async () => expect(await transport.lag(groupId, [topic])).toBe(0));
  });

  it("reads from: 'latest' what is published once consume has resolved, not what came before, and commits nothing", async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `case-${i}-${topic}`);
    await transport.publish(keys.map((k) => message(k, 'before')));
    const groupId = `live-${topic}`;
    const received: ConsumedMessage[] = [];
    const failing = new Set(['fails']);
    await consume({
      groupId,
      from: 'latest',
      handleBatch: async (batch) => {
        received.push(...batch);
        // At most once: a failing batch is not offered again.
        if (batch.some((m) => failing.has(m.value))) throw new Error('handler failed');
      },
    });
    // consume resolved once the consumer was placed at the end of every partition: nothing published
    // from now on is missed, on any partition.
    await transport.publish(keys.map((k) => message(k, 'after')));
    await eventually(async () => expect(received.map((m) => m.value).sort()).toEqual(keys.map(() => 'after')), 15_000);
    await transport.publish([message(keys[0]!, 'fails')]);
    await eventually(async () => expect(received.filter((m) => m.value === 'fails')).toHaveLength(1), 15_000);
    // After the failure the reading starts again from the end: what comes once it has is read.
    let published = keys.length * 2 + 1;
    await eventually(
      async () => {
        await transport.publish([message(keys[0]!, 'later')]);
        published += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(received.map((m) => m.value)).toContain('later');
      },
      20_000,
      0,
    );
    expect(received.filter((m) => m.value === 'fails')).toHaveLength(1);
    // Nothing committed: for the group, everything on the topic is still to read.
    expect(await transport.lag(groupId, [topic])).toBe(published);
  });

  it('rejects a publish, without hanging, while no broker answers', async () => {
    const down = new PlatformaticKafkaTransport({
      brokers: ['127.0.0.1:1'],
      clientId: 'down',
      partitions: 3,
      replicationFactor: 1,
    });
    const started = Date.now();
    await expect(down.publish([message('a1', 'lost')])).rejects.toBeDefined();
    expect(Date.now() - started).toBeLessThan(30_000);
    await down.close();
  });

  it('logs in with SCRAM-SHA-512 as the services do in production, and refuses a wrong password without hanging', async () => {
    const scram = { username: 'cases', password: 'cases-secret' };
    const own = await startOwnKafkaBroker({ scram });
    if (!own?.saslBrokers) {
      if (process.env.REQUIRE_KAFKA === '1') throw new Error('CI needs a local broker with a SASL listener');
      return;
    }
    const over = (password: string) =>
      new PlatformaticKafkaTransport({
        brokers: own.saslBrokers!,
        clientId: 'sasl-test',
        partitions: 3,
        replicationFactor: 1,
        // The services' settings, read as they read them.
        sasl: kafkaSasl({
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: scram.username,
          KAFKA_SASL_PASSWORD: password,
        }),
      });
    const good = over(scram.password);
    const bad = over('not-the-password');
    try {
      const saslTopic = `sasl-${Date.now()}`;
      await good.ensureTopics([saslTopic]);
      await good.publish([{ topic: saslTopic, key: 'k', value: 'over SCRAM', headers: {} }]);
      const received: string[] = [];
      const subscription = await good.consume({
        groupId: saslTopic,
        topics: [saslTopic],
        handle: async (m) => void received.push(m.value),
        handleBatch: async (batch) => void received.push(...batch.map((m) => m.value)),
      });
      await eventually(async () => expect(received).toEqual(['over SCRAM']), 30_000);
      await subscription.stop();

      const started = Date.now();
      const refused = await bad.publish([{ topic: saslTopic, key: 'k', value: 'refused', headers: {} }]).then(
        () => undefined,
        (error: unknown) => error,
      );
      // Refused at the login (the client's aggregate error holds the broker's SASL answer), not by chance.
      expect(inspect(refused, { depth: 6 })).toMatch(/SaslAuthenticate/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await good.close().catch(() => undefined);
      await bad.close().catch(() => undefined);
      await own.stop();
    }
  });

  describe('with the outbox and the inbox', () => {
    let kit: Kit;

    beforeEach(async () => {
      kit = await messagingKit(topic);
    });

    afterEach(async () => {
      for (const s of subscriptions.splice(0)) await s.stop();
      await kit.close();
    });

    it('applies each event once, a batch delivered again included', async () => {
      const inbox = new InboxConsumer(kit.dataSource, transport, {
        service: 'cases',
        groupId: `test-${topic}`,
        topics: [topic],
        handlers: { [kit.step.type]: kit.recordEffect },
        backoffMs: 20,
      });
      await transport.ensureTopics(inbox.neededTopics());
      subscriptions.push(await inbox.start());
      await kit.append('a1', [1, 2, 3]);
      await kit.append('a2', [1, 2]);
      const relay = new OutboxRelay(kit.dataSource, transport, { service: 'cases', idleMs: 50, maxBackoffMs: 500 });
      while ((await relay.relayOnce()) > 0);
      await eventually(async () => expect(await kit.effects()).toHaveLength(5), 30_000);

      // The relay's batch again (as after a relay that died before marking it), twice in one publish.
      const rows = (await kit.dataSource.query('SELECT message_key, envelope FROM outbox ORDER BY position')) as {
        message_key: string;
        envelope: object;
      }[];
      const again = rows.map((r) => message(r.message_key, JSON.stringify(r.envelope)));
      await transport.publish([...again, ...again]);
      await eventually(async () => expect(await transport.lag(`test-${topic}`, [topic])).toBe(0), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));

      const effects = await kit.effects();
      for (const a of ['a1', 'a2'])
        expect(effects.filter((e) => e.aggregate === a).map((e) => e.seq)).toEqual(a === 'a1' ? [1, 2, 3] : [1, 2]);
      const [{ n }] = (await kit.dataSource.query('SELECT count(*)::int AS n FROM inbox')) as [{ n: number }];
      expect(n).toBe(5);
    });
  });

  // A Node warning is printed once per process and kind, and Jest's `process` is a copy that does not
  // hear the real one's: each client runs in a fresh Node process (this run's Node) that reports them.
  it('prints no warning on this Node, where kafkajs prints TimeoutNegativeWarning', async () => {
    const platformatic = await warningsOf(
      'libs/messaging/src/transport/platformatic-kafka.transport.ts',
      'PlatformaticKafkaTransport',
    );
    expect(platformatic).toEqual({ delivered: 20, warnings: [] });
    // The check sees what it looks for: the same run on kafkajs prints its warning.
    const kafkajs = await warningsOf('libs/messaging/test/kafkajs.transport.ts', 'KafkajsTransport');
    expect(kafkajs.delivered).toBe(20);
    expect(kafkajs.warnings.map((w) => w.split(':')[0])).toContain('TimeoutNegativeWarning');
  });

  /** Creates a topic, publishes, consumes, asks the lag, stops and closes, in a new Node process. */
  async function warningsOf(file: string, name: string): Promise<{ delivered: number; warnings: string[] }> {
    const script = `
      const warnings = [];
      process.on('warning', (w) => warnings.push(w.name + ': ' + w.message));
      process.env.SWC_NODE_PROJECT = ${JSON.stringify(join(ROOT, 'tsconfig.json'))};
      require('@swc-node/register');
      const { ${name}: Transport } = require(${JSON.stringify(join(ROOT, file))});
      (async () => {
        const topic = ${JSON.stringify(`${topic}-warnings-${name}`)};
        const brokers = ${JSON.stringify(brokers)};
        const t = new Transport({ brokers, clientId: 'warnings', partitions: 3, replicationFactor: 1 });
        await t.ensureTopics([topic]);
        const message = (i) => ({ topic, key: 'k' + (i % 5), value: String(i), headers: {} });
        await t.publish(Array.from({ length: 20 }, (_, i) => message(i)));
        let delivered = 0;
        const s = await t.consume({
          groupId: topic, topics: [topic],
          handle: async () => { delivered++; },
          handleBatch: async (batch) => { delivered += batch.length; },
        });
        const deadline = Date.now() + 30000;
        while (delivered < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        await t.lag(topic, [topic]);
        await s.stop();
        await t.close();
        // Timers the clients left behind fire within a moment; their warnings count too.
        await new Promise((r) => setTimeout(r, 1500));
        process.stdout.write(JSON.stringify({ delivered, warnings }));
        process.exit(0);
      })().catch((e) => { console.error(e); process.exit(1); });
    `;
    // Without the test runner's NODE_OPTIONS (they silence ExperimentalWarning): as a service runs.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: ROOT, env, timeout: 90_000 });
    return JSON.parse(stdout) as { delivered: number; warnings: string[] };
  }
});
