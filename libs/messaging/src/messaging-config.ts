import { MAX_EVENT_CLOCK_SKEW_MS } from '@ccsc/contracts';
import { env, inProduction, refine, type Config } from '@ccsc/platform';

const SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;

/** Settings of the event machinery, shared by every service that publishes or consumes. */
export const messagingSettings = {
  KAFKA_BROKERS: env.list(
    'Kafka bootstrap brokers (host:port, comma-separated); unset means the in-process bus of the embedded stack',
    [],
  ),
  KAFKA_TOPIC_PARTITIONS: env.int('Partitions of a topic the service creates', 3, { min: 1, max: 1000 }),
  KAFKA_REPLICATION_FACTOR: env.int('Replication factor of a topic the service creates', 1, { min: 1, max: 10 }),
  KAFKA_CREATE_TOPICS: env.bool(
    'Whether the service creates its topics at start (off where an init job creates them)',
    true,
  ),
  OUTBOX_POLL_MS: env.int(
    'How often the outbox relay looks for events no commit announced (a commit wakes it at once)',
    1_000,
    { min: 10, max: 60_000 },
  ),
  CONSUMER_MAX_ATTEMPTS: env.int('Attempts at applying an event before it is dead-lettered', 5, { min: 1, max: 100 }),
  CONSUMER_BACKOFF_MS: env.int('First retry delay of a failing event; doubles each attempt', 200, {
    min: 0,
    max: 60_000,
  }),
  // Each service authenticates as its own principal, which the brokers' ACLs let write only its own
  // topics and read only what it consumes. The three go together; production requires them with Kafka.
  KAFKA_SASL_MECHANISM: refine(
    env.optionalOneOf('SASL mechanism the service authenticates to Kafka with', SASL_MECHANISMS),
    (mechanism, config) => {
      const credentials = config.KAFKA_SASL_USERNAME !== undefined && config.KAFKA_SASL_PASSWORD !== undefined;
      if (mechanism && !credentials) return 'needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD';
      if (!mechanism && (config.KAFKA_SASL_USERNAME !== undefined || config.KAFKA_SASL_PASSWORD !== undefined))
        return 'is required with KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD';
      if (!inProduction(config) || (config.KAFKA_BROKERS as string[]).length === 0) return undefined;
      if (!mechanism)
        return 'is required in production when KAFKA_BROKERS is set: every service authenticates as its own principal';
      // There is no TLS to the brokers here, and PLAIN would send the password in clear.
      if (mechanism === 'plain') return 'plain sends the password in clear, refused in production: use scram-sha-512';
      return undefined;
    },
  ),
  KAFKA_SASL_USERNAME: env.optional("The service's Kafka principal"),
  KAFKA_SASL_PASSWORD: env.secret("Password of the service's Kafka principal"),
  // An event dated further ahead than this is refused (dead-lettered): forged or broken, it would outrank
  // everything after it. Clocks drift by seconds; a test that moves a producer's clock on raises it.
  EVENT_CLOCK_SKEW_MS: env.int(
    "How far ahead of the consumer's clock an event's time may be before it is dead-lettered",
    MAX_EVENT_CLOCK_SKEW_MS,
    { min: 0, max: 31 * 86_400_000 },
  ),
  UNKNOWN_EVENTS: env.oneOf(
    'What a consumer does with an event type or version it does not know',
    ['skip', 'dead-letter'] as const,
    'skip',
  ),
};

/** The settings' mechanisms in the Kafka client's (and the protocol's) spelling. */
const CLIENT_MECHANISMS = {
  'scram-sha-512': 'SCRAM-SHA-512',
  'scram-sha-256': 'SCRAM-SHA-256',
  plain: 'PLAIN',
} as const;

/** How a service authenticates to Kafka: the mechanism and its principal, as @platformatic/kafka takes them. */
export interface KafkaSasl {
  mechanism: (typeof CLIENT_MECHANISMS)[keyof typeof CLIENT_MECHANISMS];
  username: string;
  password: string;
}

/** The client's SASL options of the settings, or undefined without SASL (checked when the settings were read). */
export function kafkaSasl(
  config: Pick<
    Config<typeof messagingSettings>,
    'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'
  >,
): KafkaSasl | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (!mechanism || username === undefined || password === undefined) return undefined;
  return { mechanism: CLIENT_MECHANISMS[mechanism], username, password };
}
