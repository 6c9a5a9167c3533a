import { randomUUID } from 'node:crypto';
import { IsInt, IsString, Min } from 'class-validator';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { defineEvent, EventType } from '@ccsc/contracts';
import { oneConnectionPerTransaction, serviceDataSourceOptions } from '@ccsc/platform';
import { createTestDatabase, TestDatabase } from '@ccsc/testing';
import { createAuditTrailTable } from '@ccsc/audit';
import { createMessagingTables } from '../src/messaging-tables';
import { OutboxAppliedAtSource1735700000000 } from '../src/migrations/1735700000000-outbox-applied-at-source';
import { appendToOutbox } from '../src/outbox/outbox-writer';
import type { EventHandler } from '../src/inbox/inbox-consumer';

/** A test event: a numbered step of some aggregate. */
export class StepV1 {
  @IsString() aggregate!: string;
  @IsInt() @Min(0) seq!: number;
}

class MessagingTestSchema1732500000000 implements MigrationInterface {
  async up(q: QueryRunner) {
    await createMessagingTables(q);
    await new OutboxAppliedAtSource1735700000000().up(q);
    await createAuditTrailTable(q);
    await q.query(
      // Not unique on event_id: an event applied twice must show as two effects, not fail as a duplicate key.
      `CREATE TABLE effects (id bigserial PRIMARY KEY, event_id uuid NOT NULL, aggregate text NOT NULL, seq int NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE effects');
  }
}

export interface Kit {
  db: TestDatabase;
  dataSource: DataSource;
  step: EventType<StepV1>;
  /** Appends steps to the outbox, each in its own committed transaction. */
  append(aggregate: string, seqs: number[]): Promise<void>;
  /** A handler that records an effect per event, in the inbox transaction. */
  recordEffect: EventHandler;
  effects(): Promise<{ aggregate: string; seq: number }[]>;
  close(): Promise<void>;
}

/** The test step type named `name`: a test file's own, and the same in a consumer process it starts. */
export const stepType = (name: string, topic: string): EventType<StepV1> =>
  defineEvent('cases', name, 1, StepV1, topic);

/** A step event's envelope as its publisher would write it, with what a test changes. */
export const stepEnvelope = (step: EventType<StepV1>, overrides: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id: randomUUID(),
  source: 'cases',
  type: step.type,
  subject: 'a',
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  data: { aggregate: 'a', seq: 7 },
  ...overrides,
});

/** Records an effect per event, in the inbox transaction. */
export const recordEffect: EventHandler = async (event, manager) => {
  const data = event.data as StepV1;
  await manager.query('INSERT INTO effects (event_id, aggregate, seq) VALUES ($1, $2, $3)', [
    event.id,
    data.aggregate,
    data.seq,
  ]);
};

/** A data source as the services have (one connection per transaction). */
export const kitDataSource = async (url: string, poolSize = 8): Promise<DataSource> =>
  oneConnectionPerTransaction(
    await new DataSource(serviceDataSourceOptions(url, { entities: [], migrations: [] }, poolSize)).initialize(),
  );

export async function messagingKit(topic: string): Promise<Kit> {
  const db = await createTestDatabase('messaging', { entities: [], migrations: [MessagingTestSchema1732500000000] });
  const dataSource = await kitDataSource(db.url);
  // A type of its own per test file, on the test's own topic.
  const step = stepType(`test-step-${randomUUID().slice(0, 8)}`, topic);
  return {
    db,
    dataSource,
    step,
    append: async (aggregate, seqs) => {
      for (const seq of seqs)
        await dataSource.transaction((m) =>
          appendToOutbox(m, [{ type: step, subject: aggregate, data: { aggregate, seq } }]),
        );
    },
    recordEffect,
    effects: async () => dataSource.query('SELECT aggregate, seq FROM effects ORDER BY applied_at, id'),
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
