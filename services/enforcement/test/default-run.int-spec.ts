import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, londonLocalDate } from '@ccsc/calendar';
import {
  accountDefaultedV1,
  enforcementActionTakenV2,
  EventEnvelope,
  eventTypeOf,
  parseEnvelope,
} from '@ccsc/contracts';
import { bearer } from '@ccsc/testing';
import { sql } from '@ccsc/platform';
import { DefaultRun } from '../src/default-run/application/default-run.commands';
import { assessAccount } from '../src/default-run/domain/default-assessment';
import { standingOf } from '../src/account/domain/fine-account';
import { enforcementPath } from '../src/default-run/domain/enforcement-paths';
import { permittedAfter } from '../src/action/domain/enforcement-actions';
import { AccountRepository } from '../src/account/infrastructure/account.repository';
import { seedAccountBook } from './account-book';
import { startEnforcementApp } from './enforcement-app';

const AS_OF = '2026-06-15';
const SAMPLE = 10_000;

/** What the run should do to each account, worked out one account at a time in TypeScript. */
async function referenceRun(dataSource: DataSource, asOf: string) {
  const accounts = await new AccountRepository(dataSource).where(sql`a.status = 'live' AND NOT a.on_hold`);
  const steps = new Map(
    (
      (await dataSource.query(`SELECT id, path_step FROM fine_accounts`)) as { id: string; path_step: number | null }[]
    ).map((r) => [r.id, r.path_step]),
  );
  const defaults = new Set<string>();
  const actions = new Map<string, string>();
  for (const account of accounts) {
    const path = enforcementPath(account.enforcementPath);
    const { arrearsPence, inDefault } = assessAccount(standingOf(account), path, asOf);
    const step = steps.get(account.id) ?? null;
    if (account.defaultedOn === null) {
      if (!inDefault) continue;
      defaults.add(account.id);
      const first = path.steps[0]!.action;
      if (permittedAfter(account.lastAction).includes(first)) actions.set(account.id, first);
    } else if (arrearsPence > 0 && step !== null) {
      const next = path.steps[step + 1];
      if (
        next &&
        permittedAfter(account.lastAction).includes(next.action) &&
        addDays(account.lastActionOn!, next.gapDays) <= asOf
      )
        actions.set(account.id, next.action);
    }
  }
  return { defaults, actions };
}

describe('the default run', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ app, close } = await startEnforcementApp());
    dataSource = app.get(DataSource);
    await seedAccountBook(dataSource, SAMPLE, AS_OF);
  }, 120_000);
  afterAll(() => close());

  it(`marks exactly the accounts a per-account reference marks on ${SAMPLE} accounts, takes the same actions, and changes nothing when run again that day`, async () => {
    const expected = await referenceRun(dataSource, AS_OF);
    expect(expected.defaults.size).toBeGreaterThan(100);
    expect(
      [...expected.actions.values()].filter((a) => a !== 'reminder' && a !== 'registration').length,
    ).toBeGreaterThan(10);

    const result = await app.get(DefaultRun).run(AS_OF);
    const marked = (await dataSource.query(`SELECT id FROM fine_accounts WHERE defaulted_on = $1`, [AS_OF])) as {
      id: string;
    }[];
    expect(new Set(marked.map((r) => r.id))).toEqual(expected.defaults);
    const taken = (await dataSource.query(`SELECT account_id, action FROM enforcement_actions WHERE taken_on = $1`, [
      AS_OF,
    ])) as { account_id: string; action: string }[];
    expect(new Map(taken.map((t) => [t.account_id, t.action]))).toEqual(expected.actions);
    expect(result).toMatchObject({ runOn: AS_OF, defaulted: expected.defaults.size, actions: expected.actions.size });
    expect(result.warrants).toBe([...expected.actions.values()].filter((a) => a === 'warrant-of-control').length);
    const events = (await dataSource.query(
      `SELECT type, count(*)::int AS n FROM outbox GROUP BY type ORDER BY type`,
    )) as { type: string; n: number }[];
    expect(events).toEqual([
      { type: 'enforcement.account-defaulted.v1', n: expected.defaults.size },
      { type: 'enforcement.enforcement-action-taken.v2', n: expected.actions.size },
    ]);
    // The run builds its envelopes in SQL: every one must be what appendToOutbox would have written.
    const envelopes = (await dataSource.query(`SELECT topic, message_key, envelope FROM outbox`)) as {
      topic: string;
      message_key: string;
      envelope: EventEnvelope;
    }[];
    for (const { topic, message_key: key, envelope } of envelopes) {
      const parsed = parseEnvelope(JSON.stringify(envelope));
      const type = eventTypeOf(parsed.type)!;
      expect(type.check(parsed.data)).toEqual([]);
      expect({ topic, key, source: parsed.source, actor: parsed.actor }).toEqual({
        topic: type.topic,
        key: parsed.subject,
        source: 'enforcement',
        actor: 'system',
      });
    }
    const [defaulted] = envelopes.filter((e) => e.envelope.type === accountDefaultedV1.type);
    expect(defaulted!.envelope.data).toEqual({
      accountId: defaulted!.envelope.subject,
      accountNumber: expect.stringMatching(/^FA\d{8}[A-Z]$/),
      arrearsPence: expect.any(Number),
    });
    // Every action the run took says so: the work queue tells them from an officer's.
    const actions = envelopes.filter((e) => e.envelope.type === enforcementActionTakenV2.type);
    expect(new Set(actions.map((e) => (e.envelope.data as { takenBy: string }).takenBy))).toEqual(
      new Set(['default-run']),
    );

    const snapshot = async () =>
      (await dataSource.query(`SELECT md5(string_agg(f::text, ',' ORDER BY id)) AS h FROM fine_accounts f`))[0]
        .h as string;
    const before = await snapshot();
    const again = await app.get(DefaultRun).run(AS_OF);
    expect(again).toMatchObject({ defaulted: 0, actions: 0, warrants: 0 });
    expect(await snapshot()).toBe(before);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM enforcement_actions`)).toEqual([
      { n: expected.actions.size },
    ]);
  }, 120_000);

  it('runs for staff through the API, and refuses a day that is not one or a day to come', async () => {
    const leader = await bearer('team-leader');
    const next = addDays(AS_OF, 1);
    const res = await request(app.getHttpServer())
      .post('/api/v1/enforcement/default-runs')
      .set('Authorization', leader)
      .send({ runOn: next })
      .expect(200);
    expect(res.body).toMatchObject({ runOn: next, defaulted: expect.any(Number), actions: expect.any(Number) });
    const bad = await request(app.getHttpServer())
      .post('/api/v1/enforcement/default-runs')
      .set('Authorization', leader)
      .send({ runOn: '2026-02-30' })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'runOn' })]);
    const runs = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM default_runs`)) as [{ n: number }];
    const before = await runs();
    const tomorrow = await request(app.getHttpServer())
      .post('/api/v1/enforcement/default-runs')
      .set('Authorization', leader)
      .send({ runOn: addDays(londonLocalDate(new Date()), 1) })
      .expect(400);
    expect(tomorrow.body.errors).toEqual([expect.objectContaining({ field: 'runOn' })]);
    expect(await runs()).toEqual(before);
    await request(app.getHttpServer())
      .post('/api/v1/enforcement/default-runs')
      .set('Authorization', await bearer('citizen'))
      .send({})
      .expect(403);
  });
});
