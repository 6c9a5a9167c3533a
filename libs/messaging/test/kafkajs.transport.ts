// kafkajs behind the platform's EventTransport port: what the services ran before @platformatic/kafka
// (docs/decisions.md, "The Kafka client"), kept only as the point of comparison of the partitioner and
// warning checks here and of bench/kafka-client.bench.ts. It is a dev dependency; no service
// or image loads it.
import { Admin, Consumer, Kafka, KafkaMessage, logLevel, Partitioners, Producer } from 'kafkajs';
import {
  type ConsumedMessage,
  type ConsumeOptions,
  type EventTransport,
  MAX_BATCH,
  type Subscription,
  type TransportMessage,
} from '../src/transport/event-transport';
import type { KafkaTransportOptions } from '../src/transport/platformatic-kafka.transport';

/**
 * Kafka through kafkajs, owned directly: an idempotent producer that waits for all in-sync replicas,
 * the explicit default (murmur2, Java-compatible) partitioner, and one consumer per consumer group.
 * No SASL (the comparison runs against an open local broker).
 */
export class KafkajsTransport implements EventTransport {
  readonly name = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Producer;

  constructor(private readonly options: Omit<KafkaTransportOptions, 'sasl'>) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      // Short retries: the outbox relay retries for ever on its own, without holding a transaction open.
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
    });
  }

  async ensureTopics(topics: string[]): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...new Set(topics)].filter((t) => !existing.has(t));
      if (missing.length) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.options.partitions,
            replicationFactor: this.options.replicationFactor,
          })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, TransportMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    // After a broker outage the consumer rejoins as a new member, and the group waits for the old
    // one's session to time out before handing it the partitions: with kafkajs' 30 s default the
    // backlog sat for 30 s (`npm run bench -- event-pipeline`: drain 31.7 s -> 11.6 s after a 20 s
    // outage). Handlers heartbeat between retries, so 10 s is ample for a live consumer.
    const consumer: Consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    await subscribeWhenTopicsExist(consumer, options.topics);
    const { handleBatch } = options;
    if (handleBatch) {
      await consumer.run({
        // One partition at a time, its messages in offset order: order per aggregate is what consumers rely on.
        partitionsConsumedConcurrently: 1,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          const messages = batch.messages.map((message) => consumed(batch.topic, batch.partition, message));
          for (let start = 0; start < messages.length && isRunning() && !isStale(); start += MAX_BATCH) {
            const chunk = messages.slice(start, start + MAX_BATCH);
            await handleBatch(chunk, heartbeat);
            const last = chunk[chunk.length - 1].offset;
            resolveOffset(last);
            // Committed as soon as the chunk's transaction has: a crash redelivers at most one chunk.
            await commitOffsetsIfNecessary({
              topics: [
                { topic: batch.topic, partitions: [{ partition: batch.partition, offset: String(BigInt(last) + 1n) }] },
              ],
            });
            await heartbeat();
          }
        },
      });
    } else {
      await consumer.run({
        // One message at a time per partition: order per aggregate is what the consumers rely on.
        partitionsConsumedConcurrently: 1,
        eachMessage: ({ topic, partition, message, heartbeat }) =>
          options.handle(consumed(topic, partition, message), heartbeat),
      });
    }
    // kafkajs waits for the running handler and commits its offset before leaving the group.
    return { stop: () => consumer.disconnect() };
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      let lag = 0;
      const committed = await admin.fetchOffsets({ groupId, topics });
      for (const { topic, partitions } of committed) {
        const ends = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, o]));
        for (const { partition, offset } of partitions) {
          const end = ends.get(partition);
          // -1: the group has committed nothing on this partition yet, so all of it is behind.
          if (end) lag += Number(end.high) - (offset === '-1' ? Number(end.low) : Number(offset));
        }
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      this.producer = producer;
    }
    return this.producer;
  }
}

/**
 * A topic created a moment ago may not be in every broker's metadata yet; give it a few seconds
 * before concluding that it does not exist (which then stops the service's start-up, as it should).
 */
async function subscribeWhenTopicsExist(consumer: Consumer, topics: string[], attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      return;
    } catch (error) {
      const retriable = (error as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function consumed(topic: string, partition: number, message: KafkaMessage): ConsumedMessage {
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']));
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers,
  };
}
