// `npm run events:replay -- <service>`: sends the service's dead letters back to their topics
// (KAFKA_BROKERS must point at the cluster). See docs and libs/messaging/src/inbox/replay-dead-letters.ts.
import { SERVICE_NAMES, ServiceName } from '@ccsc/contracts';
import { kafkaSasl, PlatformaticKafkaTransport, messagingSettings, replayDeadLetters } from '@ccsc/messaging';
import { readConfig } from '@ccsc/platform';

async function main() {
  const service = process.argv[2] as ServiceName | undefined;
  if (!service || !SERVICE_NAMES.includes(service))
    throw new Error(`usage: npm run events:replay -- <${SERVICE_NAMES.join('|')}>`);
  // The same KAFKA_BROKERS and KAFKA_SASL_* as a service; on a cluster with ACLs, as the replay principal.
  const config = readConfig(messagingSettings);
  if (config.KAFKA_BROKERS.length === 0) throw new Error('Set KAFKA_BROKERS');
  const transport = new PlatformaticKafkaTransport({
    brokers: config.KAFKA_BROKERS,
    clientId: `ccsc-${service}-replay`,
    partitions: 3,
    replicationFactor: 1,
    sasl: kafkaSasl(config),
  });
  try {
    console.log(`replayed ${await replayDeadLetters(transport, service)} dead letter(s) of ${service}`);
  } finally {
    await transport.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
