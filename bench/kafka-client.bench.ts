// `npm run bench -- kafka-client`: the platform's two Kafka transports side by side, in one run
// against one local broker (issue 19): kafkajs 2.2.4 (KafkajsTransport, what ran before) and
// @platformatic/kafka (PlatformaticKafkaTransport), both through the platform's EventTransport
// port exactly as the outbox relay and the inbox consumer use it.
//
//   publish     N envelopes of about 1 KiB, in batches of 200 awaited one after the other (as the
//               relay sends them), idempotent, acks=all: events/s and client CPU-ms per 1,000 events
//   consume     the same N through `consume` with a handleBatch that only counts, by a new consumer
//               group from the beginning of the topic: events/s and CPU from the `consume` call
//               (joining the group included) to the last event
//   end to end  a consumer waiting, then RATE events/s for SECONDS published as they fall due
//               (open model: latency runs from each event's scheduled time, carried in the payload,
//               to its handleBatch call): p50, p99, max
//
// Each of ROUNDS rounds runs the three for both clients, the order swapped every round; figures add
// up over the rounds. CPU is this process's (process.cpuUsage: the client's work); the broker is a
// JVM of its own sharing the machine. Env: BENCH_KAFKA_EVENTS (20000 a round), BENCH_KAFKA_BATCH
// (200), BENCH_KAFKA_RATE (500), BENCH_KAFKA_SECONDS (10), BENCH_KAFKA_ROUNDS (2).
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  type ConsumedMessage,
  type EventTransport,
  PlatformaticKafkaTransport,
  type Subscription,
  type TransportMessage,
} from '@ccsc/messaging';
// The kafkajs transport the platform ran before, kept for this comparison (a dev dependency; no service loads it).
import { KafkajsTransport } from '../libs/messaging/test/kafkajs.transport';
import { markdownTable, type BenchSection } from './report';
import { benchKafka, envNumber, fmt, log, percentile, sleep, sortedCopy } from './harness';

const BENCH = 'kafka-client';
const EVENTS = envNumber('BENCH_KAFKA_EVENTS', 20_000);
const BATCH = envNumber('BENCH_KAFKA_BATCH', 200);
const RATE = envNumber('BENCH_KAFKA_RATE', 500);
const SECONDS = envNumber('BENCH_KAFKA_SECONDS', 10);
const ROUNDS = envNumber('BENCH_KAFKA_ROUNDS', 2);
const WARM_UP_EVENTS = 2_000;
const PARTITIONS = 3;
/** Events per aggregate: the key spread of a busy hour, many aggregates with a few events each. */
const EVENTS_PER_KEY = 10;
const WAIT_MS = 120_000;

const now = () => performance.timeOrigin + performance.now();

function add(total: Rate, more: Rate): void {
  total.events += more.events;
  total.ms += more.ms;
  total.cpuMs += more.cpuMs;
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a result of the run is missing');
  return value;
}

interface Client {
  label: string;
  create(brokers: string[], clientId: string): EventTransport;
}

const CLIENTS: readonly Client[] = [
  {
    label: 'kafkajs',
    create: (brokers, clientId) =>
      new KafkajsTransport({ brokers, clientId, partitions: PARTITIONS, replicationFactor: 1 }),
  },
  {
    label: '@platformatic/kafka',
    create: (brokers, clientId) =>
      new PlatformaticKafkaTransport({ brokers, clientId, partitions: PARTITIONS, replicationFactor: 1 }),
  },
];

interface Rate {
  events: number;
  ms: number;
  cpuMs: number;
}

interface Latency {
  sent: number;
  received: number;
  sorted: Float64Array;
}

interface ClientResult {
  publish: Rate;
  consume: Rate;
  firstBatchMs: number;
  latency: Latency;
  warnings: string[];
}

/** An envelope as the relay publishes it (CloudEvents JSON, about 1 KiB, with its headers). */
function envelope(topic: string, subject: string, sentAt?: number): TransportMessage {
  const id = randomUUID();
  const value = JSON.stringify({
    specversion: '1.0',
    id,
    source: 'cases',
    type: 'cases.case-updated.v1',
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: {
      caseId: subject,
      reference: `CC-${randomBytes(6).toString('hex').toUpperCase()}`,
      caseType: 'civil-money-claim',
      state: 'awaiting-response',
      sentAt,
      parties: [
        { role: 'claimant', partyId: randomUUID(), name: 'A. Claimant Ltd', represented: true },
        { role: 'defendant', partyId: randomUUID(), name: 'B. Defendant', represented: false },
      ],
      summary: 'x'.repeat(420),
    },
    correlationid: randomUUID(),
    actor: 'caseworker-bench',
    traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
  });
  return {
    topic,
    key: subject,
    value,
    headers: {
      'ce-id': id,
      'ce-type': 'cases.case-updated.v1',
      'x-correlation-id': randomUUID(),
      traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
    },
  };
}

function envelopes(topic: string, count: number): TransportMessage[] {
  const keys = Array.from({ length: Math.max(1, Math.ceil(count / EVENTS_PER_KEY)) }, () => randomUUID());
  return Array.from({ length: count }, (_, i) => envelope(topic, keys[i % keys.length]));
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function until(done: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function publishAll(transport: EventTransport, messages: TransportMessage[]): Promise<Rate> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < messages.length; i += BATCH) await transport.publish(messages.slice(i, i + BATCH));
  return { events: messages.length, ms: performance.now() - started, cpuMs: cpuMsSince(cpu) };
}

/**
 * Reads the whole topic with a new group, from the `consume` call (joining included) to the last
 * event; the first batch's delay is noted apart.
 */
async function consumeAll(
  transport: EventTransport,
  topic: string,
  expected: number,
): Promise<{ rate: Rate; firstBatchMs: number }> {
  let count = 0;
  let firstAt = 0;
  let lastAt = 0;
  let cpuMs = 0;
  const cpu = process.cpuUsage();
  const called = performance.now();
  const subscription = await transport.consume({
    groupId: `bench.kafka-client.${randomBytes(4).toString('hex')}`,
    topics: [topic],
    handle: () => Promise.reject(new Error('handleBatch is given')),
    handleBatch: async (messages) => {
      if (count === 0) firstAt = performance.now();
      count += messages.length;
      if (count >= expected && lastAt === 0) {
        lastAt = performance.now();
        cpuMs = cpuMsSince(cpu);
      }
    },
  });
  try {
    await until(() => lastAt > 0, `${expected} events consumed (${count} so far)`);
  } finally {
    await subscription.stop();
  }
  return { rate: { events: count, ms: lastAt - called, cpuMs }, firstBatchMs: firstAt - called };
}

/** A waiting consumer, then RATE events/s published as they fall due; latency from schedule to handler. */
async function endToEnd(
  transport: EventTransport,
  topic: string,
): Promise<{ sent: number; received: number; values: number[] }> {
  const latencies: number[] = [];
  let probes = 0;
  const subscription: Subscription = await transport.consume({
    groupId: `bench.kafka-client.${randomBytes(4).toString('hex')}`,
    topics: [topic],
    handle: () => Promise.reject(new Error('handleBatch is given')),
    handleBatch: async (messages: ConsumedMessage[]) => {
      const at = now();
      for (const m of messages) {
        const sentAt = (JSON.parse(m.value) as { data: { sentAt?: number } }).data.sentAt;
        if (sentAt === undefined) probes++;
        else latencies.push(at - sentAt);
      }
    },
  });
  try {
    // The consumer has its partitions once a probe comes through.
    await transport.publish([envelope(topic, randomUUID())]);
    await until(() => probes > 0, 'the probe event');
    const total = Math.round(RATE * SECONDS);
    const keys = Array.from({ length: Math.max(1, Math.ceil(total / EVENTS_PER_KEY)) }, () => randomUUID());
    const start = now() + 20;
    let sent = 0;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((now() - start) * RATE) / 1000) + 1);
      if (due <= sent) {
        await sleep(Math.max(1, start + (sent * 1000) / RATE - now()));
        continue;
      }
      const batch: TransportMessage[] = [];
      for (; sent < due && batch.length < BATCH; sent++)
        batch.push(envelope(topic, keys[sent % keys.length], start + (sent * 1000) / RATE));
      await transport.publish(batch);
    }
    // What has not come through by then shows as received / sent in the table.
    const all = () => latencies.length >= total;
    await until(all, `${total} end-to-end events (${latencies.length} so far)`, 30_000).catch(() => undefined);
    return { sent: total, received: latencies.length, values: latencies };
  } finally {
    await subscription.stop();
  }
}

async function newTopic(transport: EventTransport, phase: string): Promise<string> {
  const topic = `bench.kafka-client.${phase}.${randomBytes(4).toString('hex')}`;
  await transport.ensureTopics([topic]);
  return topic;
}

export async function run(): Promise<BenchSection> {
  // A Node warning is printed once per process and kind: the phase it came in tells whose it is.
  let phase = 'broker start-up';
  const warnings: { phase: string; text: string }[] = [];
  const onWarning = (warning: Error) => warnings.push({ phase, text: `${warning.name}: ${warning.message}` });
  process.on('warning', onWarning);
  const kafka = await benchKafka().catch((error: unknown) => {
    process.off('warning', onWarning);
    throw error;
  });
  const transports = new Map(CLIENTS.map((c) => [c, c.create(kafka.brokers, `bench-${c.label.replace(/\W/g, '')}`)]));
  try {
    // Warm-up, @platformatic/kafka first: a warning it caused would otherwise be hidden behind
    // kafkajs' (each kind is printed once per process).
    for (const client of [...CLIENTS].reverse()) {
      phase = client.label;
      const transport = must(transports.get(client));
      log(BENCH, `${client.label}: warm-up (${WARM_UP_EVENTS} events)`);
      const topic = await newTopic(transport, 'warm-up');
      await publishAll(transport, envelopes(topic, WARM_UP_EVENTS));
      await consumeAll(transport, topic, WARM_UP_EVENTS);
    }
    // Rounds in alternating order, so that neither client always runs on a warmer or a quieter machine.
    const results = new Map<Client, ClientResult>(
      CLIENTS.map((c) => [
        c,
        {
          publish: { events: 0, ms: 0, cpuMs: 0 },
          consume: { events: 0, ms: 0, cpuMs: 0 },
          firstBatchMs: 0,
          latency: { sent: 0, received: 0, sorted: new Float64Array() },
          warnings: [],
        },
      ]),
    );
    const latencies = new Map<Client, number[]>(CLIENTS.map((c) => [c, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? [...CLIENTS] : [...CLIENTS].reverse();
      const topics = new Map<Client, string>();
      for (const client of order) {
        phase = client.label;
        const transport = must(transports.get(client));
        const topic = await newTopic(transport, 'throughput');
        topics.set(client, topic);
        const messages = envelopes(topic, EVENTS);
        log(BENCH, `round ${round}, ${client.label}: publishing ${EVENTS} events in batches of ${BATCH}`);
        add(must(results.get(client)).publish, await publishAll(transport, messages));
      }
      for (const client of order) {
        phase = client.label;
        log(BENCH, `round ${round}, ${client.label}: consuming ${EVENTS} events`);
        const { rate, firstBatchMs } = await consumeAll(must(transports.get(client)), must(topics.get(client)), EVENTS);
        const result = must(results.get(client));
        add(result.consume, rate);
        result.firstBatchMs += firstBatchMs / ROUNDS;
      }
      for (const client of order) {
        phase = client.label;
        log(BENCH, `round ${round}, ${client.label}: end to end at ${RATE} events/s for ${SECONDS}s`);
        const transport = must(transports.get(client));
        const latency = await endToEnd(transport, await newTopic(transport, 'latency'));
        const result = must(results.get(client));
        result.latency.sent += latency.sent;
        result.latency.received += latency.received;
        must(latencies.get(client)).push(...latency.values);
      }
    }
    for (const client of CLIENTS) must(results.get(client)).latency.sorted = sortedCopy(must(latencies.get(client)));
    for (const client of CLIENTS)
      must(results.get(client)).warnings = warnings.filter((w) => w.phase === client.label).map((w) => w.text);
    return {
      title: `Kafka clients: kafkajs against @platformatic/kafka through the platform's transport`,
      markdown: render(results, kafka.source, warnings),
    };
  } finally {
    process.off('warning', onWarning);
    for (const transport of transports.values()) await transport.close().catch(() => undefined);
    await kafka.stop();
  }
}

function render(
  results: Map<Client, ClientResult>,
  kafkaSource: string,
  warnings: { phase: string; text: string }[],
): string {
  const [a, b] = CLIENTS.map((c) => must(results.get(c)));
  const perSecond = (r: Rate) => (r.events * 1000) / r.ms;
  const cpuPerThousand = (r: Rate) => (r.cpuMs * 1000) / r.events;
  const ratio = (x: number, y: number) => `×${(y / x).toFixed(2)}`;
  const row = (label: string, value: (r: ClientResult) => number, digits = 0) => [
    label,
    fmt(value(a), digits),
    fmt(value(b), digits),
    ratio(value(a), value(b)),
  ];
  const e2e = (r: ClientResult, p: number) => percentile(r.latency.sorted, p);
  const out: string[] = [
    `Broker: ${kafkaSource}, topics of ${PARTITIONS} partitions, replication 1. ` +
      `Envelopes of about 1 KiB with the relay's headers, ${EVENTS_PER_KEY} events per key. ` +
      `Publish: batches of ${BATCH} awaited in turn, idempotent producer, acks=all. ` +
      `Consume: a new group from the earliest offset, handleBatch only counting ` +
      `(at most 100 messages of one partition per call), offsets committed after each call, ` +
      `timed from the consume call (joining the group included) to the last event. ` +
      `End to end: ${RATE} events/s for ${SECONDS} s, open model, latency from the scheduled time ` +
      `to the handleBatch call. ${ROUNDS} rounds of ${EVENTS.toLocaleString('en-GB')} events and ${SECONDS} s, ` +
      `the clients' order swapped each round. CPU: this process only (the broker is a JVM of its own ` +
      `on the same machine). Ratio: @platformatic/kafka's figure over kafkajs'.`,
    '',
    markdownTable(
      ['measure', ...CLIENTS.map((c) => c.label), 'ratio'],
      [
        row('publish, events/s', (r) => perSecond(r.publish)),
        row('publish, CPU ms per 1,000 events', (r) => cpuPerThousand(r.publish), 1),
        row('consume, events/s', (r) => perSecond(r.consume)),
        row('consume, CPU ms per 1,000 events', (r) => cpuPerThousand(r.consume), 1),
        row('consume, first batch after the consume call, ms', (r) => r.firstBatchMs),
        row(`end to end at ${RATE}/s, p50 ms`, (r) => e2e(r, 50), 1),
        row(`end to end at ${RATE}/s, p99 ms`, (r) => e2e(r, 99), 1),
        row(`end to end at ${RATE}/s, max ms`, (r) => e2e(r, 100), 1),
        [
          'end to end, received / sent',
          `${a.latency.received} / ${a.latency.sent}`,
          `${b.latency.received} / ${b.latency.sent}`,
          '',
        ],
      ],
    ),
    '',
    `Node warnings by phase (each kind is printed once per process, so one printed before a client ran hides that ` +
      `client's; libs/messaging/test/platformatic-kafka.int-spec.ts checks each client in a fresh process): ` +
      (warnings.length === 0
        ? 'none.'
        : warnings.map((w) => `${w.phase}: ${w.text.replace(/\s+/g, ' ')}`).join('; ') + '.'),
  ];
  return out.join('\n');
}
