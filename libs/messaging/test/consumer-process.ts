// A service's inbox consumer in a Node process of its own, for the fault test that kills one mid-batch
// (messaging.int-spec.ts): `node tools/run.js libs/messaging/test/consumer-process.ts`. It applies the
// test steps as a service would, and when it reaches the step STALL_AT (aggregate:seq) it says so on
// stdout and stops there, inside the batch's open transaction, waiting to be killed.
import { InboxConsumer } from '../src/inbox/inbox-consumer';
import { PlatformaticKafkaTransport } from '../src/transport/platformatic-kafka.transport';
import { kitDataSource, recordEffect, StepV1, stepType } from './messaging-test-kit';

async function main(): Promise<void> {
  // The test holds this process's stdin: when the test's process ends, however it ends, so does this one
  // (a killed test worker must not leave a consumer in the group and a transaction open in the database).
  process.stdin.on('end', () => process.exit(1));
  process.stdin.resume();
  const need = (name: string) => process.env[name] ?? (process.exit(2) as never);
  const topic = need('TOPIC');
  const step = stepType(need('STEP_NAME'), topic);
  const stallAt = need('STALL_AT');
  const dataSource = await kitDataSource(need('DATABASE_URL'), 2);
  const transport = new PlatformaticKafkaTransport({
    brokers: need('KAFKA_BROKERS').split(','),
    clientId: 'doomed-consumer',
    partitions: 3,
    replicationFactor: 1,
  });
  const consumer = new InboxConsumer(dataSource, transport, {
    service: 'cases',
    groupId: need('GROUP_ID'),
    topics: [topic],
    handlers: {
      [step.type]: async (event, manager) => {
        await recordEffect(event, manager);
        const { aggregate, seq } = event.data as StepV1;
        if (`${aggregate}:${seq}` === stallAt) {
          process.stdout.write('stalled\n');
          await new Promise(() => undefined);
        }
      },
    },
  });
  await consumer.start();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
