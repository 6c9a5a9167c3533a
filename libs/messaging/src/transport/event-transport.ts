/** One message on a topic: the aggregate id as key (per-aggregate order), the envelope as value. */
export interface TransportMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface ConsumedMessage extends TransportMessage {
  partition: number;
  offset: string;
}

/**
 * Where a consumer group reads from. `committed` (the default): from the group's committed offsets, or
 * from the earliest where it has none, committing what it handled: every event, at least once.
 * `latest`: from the end of each partition at the time it starts reading (and again whenever its
 * reading restarts, so what arrived meanwhile is passed over), committing nothing: at most once, for a
 * group of one process that follows what happens from now on (LiveEvents).
 */
export type ConsumeFrom = 'committed' | 'latest';

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /** `committed` unless given; with `latest`, `consume` resolves once the consumer has its starting offsets. */
  from?: ConsumeFrom;
  /** Resolves when the message is dealt with (applied, skipped or dead-lettered); only then is it committed. */
  handle(message: ConsumedMessage, heartbeat: () => Promise<void>): Promise<void>;
  /**
   * When given, takes what a partition has in hand (in offset order, at most `MAX_BATCH` messages) in
   * one call instead of `handle`: the batch's offsets are committed once it resolves.
   */
  handleBatch?(messages: ConsumedMessage[], heartbeat: () => Promise<void>): Promise<void>;
}

/** The most messages of one partition handed to `handleBatch` at once (one inbox transaction). */
export const MAX_BATCH = 100;

export interface Subscription {
  /** Stops consuming after the message in hand is handled and committed. */
  stop(): Promise<void>;
}

/**
 * The port between the outbox/inbox machinery and a broker: Kafka in production and tests, an
 * in-process bus for the embedded stack. Both give at-least-once delivery and order per key.
 */
export interface EventTransport {
  readonly name: 'kafka' | 'in-process';
  ensureTopics(topics: string[]): Promise<void>;
  /** Resolves only when every message is durably accepted (all in-sync replicas for Kafka). */
  publish(messages: TransportMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<Subscription>;
  /** Messages of the topics not yet handled by the group: what it has still to catch up on. */
  lag(groupId: string, topics: string[]): Promise<number>;
  /** Disconnects the producer; consumers are stopped through their subscriptions first. */
  close(): Promise<void>;
}
