import { env } from '@ccsc/platform';

/** Settings of the event machinery, shared by every service that publishes or consumes. */
export const messagingSettings = {
  KAFKA_BROKERS: env.list('Kafka bootstrap brokers (host:port, comma-separated); unset means the in-process bus of the embedded stack', []),
  KAFKA_TOPIC_PARTITIONS: env.int('Partitions of a topic the service creates', 3, { min: 1, max: 1000 }),
  KAFKA_REPLICATION_FACTOR: env.int('Replication factor of a topic the service creates', 1, { min: 1, max: 10 }),
  KAFKA_CREATE_TOPICS: env.bool('Whether the service creates its topics at start (off where an init job creates them)', true),
  OUTBOX_POLL_MS: env.int('How often the outbox relay looks for new events when idle', 100, { min: 10, max: 60_000 }),
  CONSUMER_MAX_ATTEMPTS: env.int('Attempts at applying an event before it is dead-lettered', 5, { min: 1, max: 100 }),
  CONSUMER_BACKOFF_MS: env.int('First retry delay of a failing event; doubles each attempt', 200, { min: 0, max: 60_000 }),
  UNKNOWN_EVENTS: env.oneOf('What a consumer does with an event type or version it does not know', ['skip', 'dead-letter'] as const, 'skip'),
};
