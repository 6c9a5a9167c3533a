// The consuming side of event-pipeline.bench.ts, in a process of its own as a consuming service
// is: the platform's InboxConsumer over the Kafka transport, applying each event (inbox row and
// effect row in one transaction) to a database of its own.
//
//   node tools/run.js bench/event-consumer.server.ts     (spawned with an IPC channel)
//   env: DATABASE_URL, KAFKA_BROKERS, GROUP_ID
//
// Protocol over IPC:
//   child -> parent  { type: 'ready' }
//   parent -> child  { type: 'drain' }  ->  { type: 'applied', events: [id, receivedMs, appliedMs][], duplicates, batches }   (since the
//                    last drain; duplicates: redeliveries the inbox recognised and did not apply again; batches: handed-over batches)
//   parent -> child  { type: 'stop' }
// Times are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + now()).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { caseCreatedV1 } from '@ccsc/contracts';
import { InboxConsumer, PlatformaticKafkaTransport } from '@ccsc/messaging';

export type ConsumerParentMessage = { type: 'drain' } | { type: 'stop' };
export type ConsumerChildMessage =
  | { type: 'ready' }
  | { type: 'applied'; events: [string, number, number][]; duplicates: number; batches: number }
  | { type: 'failed'; error: string };

const now = () => performance.timeOrigin + performance.now();

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('must be spawned with an IPC channel');
  process.on('disconnect', () => process.exit(0));
  const dataSource = new DataSource({ type: 'postgres', url: required('DATABASE_URL'), poolSize: 4 });
  await dataSource.initialize();
  await dataSource.query(
    'CREATE TABLE IF NOT EXISTS bench_case_projection (case_id uuid PRIMARY KEY, reference char(16) NOT NULL, state varchar(64) NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const transport = new PlatformaticKafkaTransport({
    brokers: required('KAFKA_BROKERS').split(','),
    clientId: 'bench-event-consumer',
    partitions: 3,
    replicationFactor: 1,
  });
  const inbox = new InboxConsumer(dataSource, transport, {
    service: 'queries',
    groupId: required('GROUP_ID'),
    handlers: {
      [caseCreatedV1.type]: async (event, manager) => {
        const data = event.data as { caseId: string; reference: string; state: string };
        await manager.query(
          'INSERT INTO bench_case_projection (case_id, reference, state) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING',
          [data.caseId, data.reference, data.state],
        );
      },
    },
  });
  let applied: [string, number, number][] = [];
  let duplicates = 0;
  let batches = 0;
  // What InboxConsumer.start() does (batches of what a partition has, one inbox transaction a run),
  // timing each message from the batch's hand-over to its commit.
  const record = (message: { headers: Record<string, string> }, outcome: string, received: number, done: number) => {
    if (outcome === 'applied') applied.push([message.headers['ce-id'] ?? '', received, done]);
    else if (outcome === 'duplicate') duplicates++;
  };
  const subscription = await transport.consume({
    groupId: inbox.groupId,
    topics: inbox.topics(),
    handle: async (message, heartbeat) => {
      const received = now();
      record(message, await inbox.handle(message, heartbeat), received, now());
    },
    handleBatch: async (messages, heartbeat) => {
      const received = now();
      batches++;
      const outcomes = await inbox.handleBatch(messages, heartbeat);
      const done = now();
      messages.forEach((message, i) => record(message, outcomes[i] ?? 'skipped', received, done));
    },
  });
  process.on('message', (message: ConsumerParentMessage) => {
    if (message.type === 'drain') {
      process.send?.({ type: 'applied', events: applied, duplicates, batches } satisfies ConsumerChildMessage);
      applied = [];
      duplicates = 0;
      batches = 0;
    } else if (message.type === 'stop') {
      void subscription
        .stop()
        .then(() => transport.close())
        .then(() => dataSource.destroy())
        .finally(() => process.exit(0));
    }
  });
  process.send({ type: 'ready' } satisfies ConsumerChildMessage);
}

if (resolve(process.argv[1] ?? '') === __filename) {
  main().catch((error: unknown) => {
    process.send?.({
      type: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies ConsumerChildMessage);
    console.error(error);
    process.exit(1);
  });
}
