// `npm run events:replay -- <service>`: sends the service's dead letters back to their topics
// (KAFKA_BROKERS must point at the cluster). See docs and libs/messaging/src/inbox/replay-dead-letters.ts.
import { SERVICE_NAMES, ServiceName } from '@ccsc/contracts';
import { KafkaTransport, replayDeadLetters } from '@ccsc/messaging';

async function main() {
  const service = process.argv[2] as ServiceName | undefined;
  if (!service || !SERVICE_NAMES.includes(service)) throw new Error(`usage: npm run events:replay -- <${SERVICE_NAMES.join('|')}>`);
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('Set KAFKA_BROKERS');
  const transport = new KafkaTransport({ brokers, clientId: `ccsc-${service}-replay`, partitions: 3, replicationFactor: 1 });
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
