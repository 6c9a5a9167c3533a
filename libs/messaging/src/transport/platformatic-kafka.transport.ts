import {
  Admin,
  compatibilityPartitioner,
  Consumer,
  findErrorBy,
  type Message,
  type MessagesStream,
  ProduceAcks,
  Producer,
  stringDeserializers,
  stringSerializers,
} from '@platformatic/kafka';
import {
  type ConsumedMessage,
  type ConsumeOptions,
  type EventTransport,
  MAX_BATCH,
  type Subscription,
  type TransportMessage,
} from './event-transport';
import type { KafkaSasl } from '../messaging-config';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  partitions: number;
  replicationFactor: number;
  /** The principal to authenticate as (messaging-config's kafkaSasl); none against an open broker. */
  sasl?: KafkaSasl;
}

type StringMessage = Message<string, string, string, string>;
type StringStream = MessagesStream<string, string, string, string>;

/** Kafka's ListOffsets timestamps that ask for a partition's end and start. */
const LATEST = -1n;
const EARLIEST = -2n;
/** After a handler or the stream fails, the wait before reading again from the committed offsets. */
const RESTART_DELAY_MS = 1_000;
/** Messages held for the handler before the stream is paused (it holds up to 1,024 more itself). */
const QUEUE_LIMIT = 10 * MAX_BATCH;
/**
 * Partitions handled at once by one consumer, each in its own order (kafkajs' partitionsConsumedConcurrently).
 * Each holds a database connection while it applies a batch, so this stays well under a service's pool.
 */
const PARTITIONS_AT_ONCE = 3;

/**
 * Kafka through @platformatic/kafka (pure JavaScript, maintained), with the semantics of
 * KafkaTransport: an idempotent producer that waits for all in-sync replicas, keys on partitions as
 * Java and kafkajs put them, and one consumer per group that hands each partition's messages over in
 * offset order and commits them only once handled.
 */
export class PlatformaticKafkaTransport implements EventTransport {
  readonly name = 'kafka' as const;
  private producer?: Producer<string, string, string, string>;

  constructor(private readonly options: KafkaTransportOptions) {}

  async ensureTopics(topics: string[]): Promise<void> {
    const admin = new Admin(this.base('admin'));
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...new Set(topics)].filter((t) => !existing.has(t));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({
          topics: missing,
          partitions: this.options.partitions,
          replicas: this.options.replicationFactor,
        });
      } catch (error) {
        // Another process may have created them in the meantime, which is what was wanted.
        const now = new Set(await admin.listTopics());
        if (!missing.every((t) => now.has(t))) throw error;
      }
      await waitForLeaders(admin, missing);
    } finally {
      await admin.close();
    }
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    this.producer ??= new Producer({
      ...this.base('producer'),
      idempotent: true,
      acks: ProduceAcks.ALL,
      // The library's default partitioner keeps murmur2's sign bit (`>>> 0`) where Java and kafkajs
      // mask it (`& 0x7fffffff`): half the keys would land on another partition than today's.
      partitioner: compatibilityPartitioner,
      serializers: stringSerializers,
    });
    await this.producer.send({
      acks: ProduceAcks.ALL,
      messages: messages.map((m) => ({ topic: m.topic, key: m.key, value: m.value, headers: m.headers })),
    });
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    const consumer = new Consumer<string, string, string, string>({
      ...this.base(`consumer-${options.groupId}`),
      groupId: options.groupId,
      // As KafkaTransport, for the same reason: a consumer back after an outage gets its partitions
      // within 10 s. This client heartbeats on its own timer, whatever the handler is doing.
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 60_000,
      autocommit: false,
      // kafkajs' fetch sizes: this client's default (50 MB a partition) reads a whole backlog in one
      // response, held in memory and decoded before the first message is handed over.
      maxBytes: 10 * 1024 * 1024,
      maxBytesPerPartition: 1024 * 1024,
      deserializers: stringDeserializers,
    });
    try {
      return await new PartitionReader(consumer, options).start();
    } catch (error) {
      await consumer.close(true).catch(() => undefined);
      throw error;
    }
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    const admin = new Admin(this.base('admin'));
    try {
      const metadata = await admin.metadata({ topics, forceUpdate: true });
      const partitionsOf = (topic: string) =>
        Array.from({ length: metadata.topics.get(topic)?.partitionsCount ?? 0 }, (_, i) => i);
      const offsets = (timestamp: bigint) =>
        admin.listOffsets({
          topics: topics.map((name) => ({
            name,
            partitions: partitionsOf(name).map((partitionIndex) => ({ partitionIndex, timestamp })),
          })),
        });
      const [ends, starts, [committed]] = await Promise.all([
        offsets(LATEST),
        offsets(EARLIEST),
        admin.listConsumerGroupOffsets({
          groups: [{ groupId, topics: topics.map((name) => ({ name, partitionIndexes: partitionsOf(name) })) }],
        }),
      ]);
      const at = (listed: typeof ends) =>
        new Map(listed.flatMap((t) => t.partitions.map((p) => [`${t.name}:${p.partitionIndex}`, p.offset] as const)));
      const high = at(ends);
      const low = at(starts);
      let lag = 0;
      for (const topic of committed?.topics ?? []) {
        for (const { partitionIndex, committedOffset } of topic.partitions) {
          const key: `${string}:${number}` = `${topic.name}:${partitionIndex}`;
          const end = high.get(key);
          if (end === undefined) continue;
          // -1: the group has committed nothing on this partition yet, so all of it is behind.
          lag += Number(end - (committedOffset < 0n ? (low.get(key) ?? 0n) : committedOffset));
        }
      }
      return lag;
    } finally {
      await admin.close();
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.close();
  }

  private base(role: string) {
    return {
      clientId: `${this.options.clientId}-${role}`,
      bootstrapBrokers: this.options.brokers,
      sasl: this.options.sasl,
      // As KafkaTransport: short retries, since the outbox relay retries for ever on its own.
      retries: 3,
      retryDelay: (_client: unknown, _operation: string, attempt: number) => Math.min(200 * 2 ** (attempt - 1), 2_000),
      connectTimeout: 3_000,
      timeout: 10_000,
    };
  }
}

/**
 * One consumer's reading loop. The library hands messages of all assigned partitions over as one
 * stream; this takes what is buffered, splits it per partition (offset order kept), hands each
 * partition's run to the handler in chunks of at most MAX_BATCH, and commits a chunk's offsets once
 * the handler has resolved. One chunk at a time, as kafkajs with `partitionsConsumedConcurrently: 1`.
 */
class PartitionReader {
  private stream?: StringStream;
  private stopping = false;
  private failed = false;
  /** Messages the stream has handed over and this has not yet taken. */
  private queue: StringMessage[] = [];
  private wake?: () => void;
  private loop?: Promise<void>;
  /** Per partition, the offset after the last message handled: what a refetch after a rejoin repeats is skipped. */
  private readonly next = new Map<string, bigint>();

  /** Reads from the end and commits nothing (ConsumeOptions.from). */
  private readonly latest: boolean;

  constructor(
    private readonly consumer: Consumer<string, string, string, string>,
    private readonly options: ConsumeOptions,
  ) {
    this.latest = options.from === 'latest';
  }

  async start(): Promise<Subscription> {
    // A client that falls out of its group (a rejoin that failed) reports it here; without a
    // listener the event would end the process. Reading again rejoins.
    this.consumer.on('error', () => {
      this.failed = true;
      this.wake?.();
    });
    this.stream = await this.open();
    this.loop = this.run();
    return { stop: () => this.stop() };
  }

  private async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.stream?.close().catch(() => undefined);
    // Leaving the group is a courtesy to the others (they rebalance sooner); failing it must not stop
    // the rest of the service's shutdown.
    await this.consumer.close(true).catch(() => undefined);
  }

  /** A topic created a moment ago may not be in the broker's metadata yet: as KafkaTransport, a few seconds' grace. */
  private async open(attempts = 20): Promise<StringStream> {
    for (let attempt = 1; ; attempt++) {
      try {
        const stream = await this.consumer.consume({
          topics: this.options.topics,
          ...(this.latest
            ? ({ mode: 'latest', fallbackMode: 'latest' } as const)
            : ({ mode: 'committed', fallbackMode: 'earliest' } as const)),
          autocommit: false,
        });
        // Flowing mode, paused while this holds a full queue: in paused mode each `read()` makes the
        // stream plan a fetch (a metadata look-up), which tripled the client's CPU per message.
        stream.on('data', (message: StringMessage) => {
          this.queue.push(message);
          if (this.queue.length >= QUEUE_LIMIT && !stream.isPaused()) stream.pause();
          this.wake?.();
        });
        // An 'error' without a listener would end the process.
        stream.on('error', () => {
          this.failed = true;
          this.wake?.();
        });
        stream.on('close', () => this.wake?.());
        if (this.latest) await positioned(stream);
        return stream;
      } catch (error) {
        const retriable = findErrorBy(error as Error, 'apiId', 'UNKNOWN_TOPIC_OR_PARTITION') !== null;
        if (!retriable || attempt >= attempts || this.stopping) throw error;
        await sleep(250);
      }
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.readOnce();
      } catch {
        // As kafkajs after a failed batch: nothing of it was committed, so read again from the
        // group's committed offsets after a pause (the inbox recognises what was applied already).
        await this.stream?.close().catch(() => undefined);
        this.stream = undefined;
        this.queue = [];
        this.failed = false;
        this.next.clear();
        await this.pause(RESTART_DELAY_MS);
        if (this.stopping) return;
        try {
          this.stream = await this.open();
        } catch {
          // Broker still away: the loop tries again.
        }
      }
    }
  }

  private async readOnce(): Promise<void> {
    const stream = this.stream;
    if (!stream || stream.destroyed || this.failed) throw new Error('the message stream failed');
    if (this.queue.length === 0) {
      if (stream.isPaused()) stream.resume();
      await this.nextMessage();
      return;
    }
    const buffered = this.queue.splice(0);
    // The next messages are fetched while these are handled.
    if (stream.isPaused()) stream.resume();
    const byPartition = new Map<string, StringMessage[]>();
    for (const m of buffered) {
      const key = `${m.topic}:${m.partition}`;
      if (m.offset < (this.next.get(key) ?? -1n)) continue;
      const list = byPartition.get(key);
      if (list) list.push(m);
      else byPartition.set(key, [m]);
    }
    // Partitions are independent (order is per key, and a key lives on one partition): up to
    // PARTITIONS_AT_ONCE of what this read took are worked at once, each in its own order, so a consumer
    // waiting on one partition's transaction is not idle for the others'. The next read waits for all of
    // them: a partition held up for long (a handler's retries) still holds up what arrives meanwhile.
    // After a failure no further partition is started: the whole read is redone from the committed offsets.
    const partitions = [...byPartition.values()];
    let failure: { error: unknown } | undefined;
    const worker = async () => {
      for (let messages = partitions.shift(); messages && !failure; messages = partitions.shift()) {
        try {
          await this.work(messages, () => failure !== undefined);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: PARTITIONS_AT_ONCE }, worker));
    if (failure) throw failure.error;
  }

  /** One partition's messages, in offset order, in chunks of at most MAX_BATCH, each committed once handled. */
  private async work(messages: StringMessage[], othersFailed: () => boolean): Promise<void> {
    for (let start = 0; start < messages.length; start += MAX_BATCH) {
      if (this.stopping || this.failed || othersFailed() || !this.owns(messages[0])) return;
      const chunk = messages.slice(start, start + MAX_BATCH);
      const handled = await this.handle(chunk);
      if (handled.length === 0) return;
      const last = handled[handled.length - 1];
      const { topic, partition, leaderEpoch } = last;
      // A group reading from the end keeps no offsets: it never resumes from them, and an empty group
      // with none committed is gone from the broker as soon as its member leaves.
      if (!this.latest)
        await this.consumer.commit({ offsets: [{ topic, partition, offset: last.offset + 1n, leaderEpoch }] });
      this.next.set(`${topic}:${partition}`, last.offset + 1n);
    }
  }

  /** The messages handled, in order: all of the chunk, or with `handle` those before a stop. */
  private async handle(chunk: StringMessage[]): Promise<StringMessage[]> {
    const heartbeat = this.heartbeat(chunk[0]);
    const { handleBatch } = this.options;
    if (handleBatch) {
      await handleBatch(chunk.map(consumed), heartbeat);
      return chunk;
    }
    const handled: StringMessage[] = [];
    for (const m of chunk) {
      if (this.stopping && handled.length > 0) break;
      await this.options.handle(consumed(m), heartbeat);
      handled.push(m);
    }
    return handled;
  }

  /**
   * Heartbeats go out on the client's own timer; what a handler's call can still do is stop work on a
   * partition the group has meanwhile given to another member, as kafkajs' heartbeat does.
   */
  private heartbeat(sample: StringMessage): () => Promise<void> {
    return async () => {
      if (!this.owns(sample)) throw new Error(`${sample.topic}[${sample.partition}] was reassigned by a rebalance`);
    };
  }

  private owns({ topic, partition }: StringMessage): boolean {
    return (this.consumer.assignments ?? []).some((a) => a.topic === topic && a.partitions.includes(partition));
  }

  private nextMessage(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function consumed(m: StringMessage): ConsumedMessage {
  return {
    topic: m.topic,
    partition: m.partition,
    offset: m.offset.toString(),
    key: m.key ?? '',
    value: m.value ?? '',
    headers: Object.fromEntries(m.headerEntries.map(([k, v]) => [k, v ?? ''])),
  };
}

/**
 * Waits until a stream reading from the end has listed its partitions' end offsets (it does so as it
 * starts): from then on, whatever is published reaches it. A stream that fails first has failed, which
 * the reading loop finds; one that takes too long is taken as it is, at most a few messages late.
 */
async function positioned(stream: StringStream, timeoutMs = 10_000): Promise<void> {
  if (stream.offsetsToFetch.size > 0) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stream.off('offsets', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    stream.once('offsets', done);
    stream.once('error', done);
    stream.once('close', done);
  });
}

/** As kafkajs' `waitForLeaders`: a topic is usable once each partition has a leader. */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metadata = await admin.metadata({ topics, forceUpdate: true }).catch(() => undefined);
    const ready = topics.every((t) => {
      const partitions = metadata?.topics.get(t)?.partitions;
      return partitions?.length && partitions.every((p) => p.leader >= 0);
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`no leader for every partition of ${topics.join(', ')}`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
