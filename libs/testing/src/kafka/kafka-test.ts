import { randomBytes } from 'node:crypto';
import { PlatformaticKafkaTransport } from '@ccsc/messaging';
import { testKafkaBrokers } from '../test-env';

/** The test run's Kafka brokers (host:port), or undefined when the global setup found none. */
export function kafkaBrokers(): string[] | undefined {
  const brokers = testKafkaBrokers();
  return brokers.length > 0 ? brokers : undefined;
}

/**
 * `describe` for suites that need a real Kafka. Without a broker the suite is skipped, loudly, so a
 * green run cannot be mistaken for a tested one; under REQUIRE_KAFKA=1 the global setup has already
 * failed the run, and this refuses to skip in case a suite runs without that setup.
 */
export function describeKafka(name: string, fn: () => void): void {
  if (kafkaBrokers()) {
    describe(name, fn);
    return;
  }
  if (process.env.REQUIRE_KAFKA === '1')
    throw new Error(`"${name}" needs Kafka and REQUIRE_KAFKA=1, but the test run has no Kafka broker`);
  console.warn(
    `\n!!! SKIPPED "${name}": no Kafka broker for this test run.\n` +
      '!!! Set KAFKA_BROKERS, run a Docker engine, or put java and mvn on PATH; REQUIRE_KAFKA=1 makes this a failure.\n',
  );
  describe.skip(name, fn);
}

/** Creates a topic with a unique name (the broker does not create topics on first use) and returns the name. */
export async function createTestTopic(brokers: string[], prefix: string, partitions = 3): Promise<string> {
  const topic = `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  // The platform's own transport creates it and waits for its leaders, as the services do.
  const transport = new PlatformaticKafkaTransport({
    brokers,
    clientId: 'ccsc-test-topics',
    partitions,
    replicationFactor: 1,
  });
  await transport.ensureTopics([topic]);
  return topic;
}
