import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { complaintStageBreachedV1 } from '@ccsc/contracts';
import { waitForLockWaiters } from '@ccsc/testing';
import { ComplaintCommands } from '../src/complaint/application/complaint.commands';
import { ComplaintSlaRun, type SlaRunResult } from '../src/sla/application/sla.commands';
import { SLA_RUN_SQL } from '../src/sla/infrastructure/complaint-stage.repository';
import { outbox, startComplaintsApp } from './complaints-app';

// Two runs can overlap (the timer and a manual run), and each takes its "now" before it queues on
// the stages' row locks, so the one that read the earlier time may write second.
describe('overlapping SLA runs', () => {
  let app: INestApplication;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Two runs and a lock holder at once, besides the relay and the consumer: more than the usual test pool.
    ({ app, close } = await startComplaintsApp({ DATABASE_POOL_SIZE: '8' }));
  });
  afterAll(() => close());

  it('announce a breach once, and do not put a breached stage back at risk, whichever commits first', async () => {
    const officer: Principal = { sub: 'officer-olu', roles: ['complaints-officer'] };
    // Received Friday 19 December 2025: stage 1 is due by the end of Wednesday 7 January 2026.
    const complaint = await app
      .get(ComplaintCommands)
      .open(
        { category: 'delay', receivedAt: new Date('2025-12-19T10:30:00Z') },
        officer,
        undefined,
        new Date('2025-12-19T10:30:00Z'),
      );
    expect(complaint.current.dueAt.toISOString()).toBe('2026-01-07T23:59:59.999Z');
    const run = app.get(ComplaintSlaRun);
    const dataSource = app.get(DataSource);

    // Hold the stage so that both runs queue on it: the later time first, then the earlier one.
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    let later: Promise<SlaRunResult>;
    let earlier: Promise<SlaRunResult>;
    try {
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM complaint_stages WHERE complaint_id = $1 FOR UPDATE', [complaint.id]);
      later = run.run(new Date('2026-01-08T00:00:30Z'));
      await waitForLockWaiters(dataSource, 1);
      earlier = run.run(new Date('2026-01-07T23:59:30Z'));
      await waitForLockWaiters(dataSource, 2);
    } finally {
      // Whatever happened, the lock goes: a test that fails here must not hang the suite's shutdown.
      await holder.commitTransaction();
      await holder.release();
    }

    expect((await later).breached).toBe(1);
    expect((await earlier).breached).toBe(0);
    expect((await outbox(app, complaintStageBreachedV1.type)).filter((e) => e.subject === complaint.id)).toHaveLength(
      1,
    );
    const [stage] = (await dataSource.query(
      'SELECT at_risk, breached_at FROM complaint_stages WHERE complaint_id = $1',
      [complaint.id],
    )) as { at_risk: boolean; breached_at: Date | null }[];
    expect(stage).toEqual({ at_risk: false, breached_at: new Date('2026-01-08T00:00:30Z') });
  });

  it('keep the at-risk flag a run set while a command had the complaint open', async () => {
    const officer: Principal = { sub: 'officer-olu', roles: ['complaints-officer'] };
    const commands = app.get(ComplaintCommands);
    const complaint = await commands.open(
      { category: 'delay', receivedAt: new Date('2025-12-19T10:30:00Z') },
      officer,
      undefined,
      new Date('2025-12-19T10:30:00Z'),
    );
    const dataSource = app.get(DataSource);
    // The run flags the stage at risk (its last two working days) but has not committed when the officer acknowledges it.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    let acknowledged: Promise<unknown>;
    try {
      await runner.startTransaction();
      await runner.query(SLA_RUN_SQL, [new Date('2026-01-06T09:00:00Z')]);
      acknowledged = commands.acknowledge(complaint.id, officer, undefined, new Date('2026-01-06T09:00:01Z'));
      await waitForLockWaiters(dataSource, 1);
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    await acknowledged;
    const [stage] = (await dataSource.query('SELECT status, at_risk FROM complaint_stages WHERE complaint_id = $1', [
      complaint.id,
    ])) as { status: string; at_risk: boolean }[];
    expect(stage).toEqual({ status: 'acknowledged', at_risk: true });
  });
});
