import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { enquirySlaBreachedV1, parseEnvelope } from '@ccsc/contracts';
import { bearer, eventually } from '@ccsc/testing';
import { EnquiryCommands } from '../src/enquiry/application/enquiry.commands';
import { AllocationCommands } from '../src/allocation/application/allocation.commands';
import { SlaBreachRun } from '../src/sla/application/sla.commands';
import { EnquiryChanges } from '../src/enquiry/application/enquiry-changes';
import { enquiry, knownCase, officerProfiles, startQueriesApp } from './queries-app';

const officer: Principal = { sub: 'officer-sam', roles: ['caseworker'] };
const at = (iso: string) => new Date(iso);
// The Thursday before Easter 2026, 19:55 London time (BST).
const thursdayBeforeEaster = at('2026-04-02T19:55:00+01:00');

describe('the SLA breach run', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let commands: EnquiryCommands;
  let run: SlaBreachRun;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    await officerProfiles(dataSource, ['caseworker-user', 'officer-sam']);
    await officerProfiles(dataSource, ['leader-lee', 'team-leader-user'], { role: 'team-leader' });
    commands = app.get(EnquiryCommands);
    run = app.get(SlaBreachRun);
  });
  afterAll(() => close());

  const flags = async (enquiryId: string) =>
    Object.fromEntries(
      (
        (await dataSource.query('SELECT clock, flag FROM enquiry_sla_clocks WHERE enquiry_id = $1', [enquiryId])) as {
          clock: string;
          flag: string;
        }[]
      ).map((r) => [r.clock, r.flag]),
    );
  const breachEvents = async () =>
    (await dataSource.query('SELECT envelope FROM outbox WHERE type = $1 ORDER BY position', [
      enquirySlaBreachedV1.type,
    ])) as { envelope: Record<string, unknown> }[];

  it('flags at risk, then breached exactly once with its event, and leaves paused clocks alone', async () => {
    const caseId = await knownCase(dataSource);
    const email = await commands.raise(
      { ...enquiry({ channel: 'email', caseId }), channel: 'email', caseId, receivedAt: thursdayBeforeEaster },
      officer,
      undefined,
      thursdayBeforeEaster,
    );
    const waiting = await commands.raise(
      { ...enquiry(), channel: 'email', receivedAt: thursdayBeforeEaster },
      officer,
      undefined,
      thursdayBeforeEaster,
    );
    await app.get(AllocationCommands).claim(waiting.id, officer, undefined, at('2026-04-07T09:00:00+01:00'));
    await commands.changeStatus(
      waiting.id,
      'awaiting-customer',
      officer,
      'asked for a claim number',
      undefined,
      at('2026-04-07T09:05:00+01:00'),
    );

    // First response is due by the end of Wednesday 8 April: at risk from its start.
    expect(await run.run(at('2026-04-07T23:59:00+01:00'))).toMatchObject({ atRisk: 0, breached: 0 });
    expect(await run.run(at('2026-04-08T10:00:00+01:00'))).toMatchObject({ atRisk: 1, breached: 0 });
    expect(await flags(email.id)).toEqual({ 'first-response': 'at-risk', resolution: 'on-track' });

    expect(await run.run(at('2026-04-08T23:59:59.999+01:00'))).toMatchObject({ atRisk: 0, breached: 1 });
    expect(await flags(email.id)).toEqual({ 'first-response': 'breached', resolution: 'on-track' });
    const [event] = await breachEvents();
    const envelope = parseEnvelope(JSON.stringify(event!.envelope));
    expect(envelope).toMatchObject({
      source: 'queries',
      type: enquirySlaBreachedV1.type,
      subject: email.id,
      actor: 'system',
    });
    expect(envelope.data).toEqual({
      enquiryId: email.id,
      clock: 'first-response',
      dueAt: '2026-04-08T22:59:59.999Z',
      caseId,
    });
    expect(enquirySlaBreachedV1.check(envelope.data)).toEqual([]);

    expect(await run.run(at('2026-04-09T12:00:00+01:00'))).toMatchObject({ atRisk: 0, breached: 0 });

    // Ten working days from the Thursday before Easter end on Monday 20 April; the waiting enquiry is paused.
    expect(await run.run(at('2026-04-21T09:00:00+01:00'))).toMatchObject({ atRisk: 0, breached: 1 });
    expect(await flags(email.id)).toEqual({ 'first-response': 'breached', resolution: 'breached' });
    expect(await flags(waiting.id)).toEqual({ 'first-response': 'on-track', resolution: 'on-track' });
    expect(await breachEvents()).toHaveLength(2);

    const read = await commands.addMessage(
      email.id,
      { body: 'Sorry for the wait' },
      officer,
      undefined,
      at('2026-04-21T09:30:00+01:00'),
    );
    expect(read.clocks.map((c) => [c.clock, c.status, c.met])).toEqual([
      ['first-response', 'stopped', false],
      ['resolution', 'running', null],
    ]);
  });

  it('keeps a breach the run flagged while a command had the enquiry open, and announces it once', async () => {
    const raised = await commands.raise(
      { ...enquiry(), channel: 'email', receivedAt: thursdayBeforeEaster },
      officer,
      undefined,
      thursdayBeforeEaster,
    );
    const before = (await breachEvents()).length;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let loaded!: () => void;
    const hasLoaded = new Promise<void>((resolve) => (loaded = resolve));
    // An inbound note recorded by an officer: the command reads the enquiry and its clocks, then the run flags them.
    const command = app.get(EnquiryChanges).change(
      raised.id,
      officer,
      async () => {
        loaded();
        await gate;
      },
      undefined,
      at('2026-04-09T11:00:00+01:00'),
    );
    await hasLoaded;
    expect(await run.run(at('2026-04-09T12:00:00+01:00'))).toMatchObject({ breached: 1 });
    release();
    await command;

    expect(await flags(raised.id)).toMatchObject({ 'first-response': 'breached' });
    expect(await run.run(at('2026-04-09T12:05:00+01:00'))).toMatchObject({ breached: 0 });
    expect(await breachEvents()).toHaveLength(before + 1);
  });

  it('lets team leaders set SLA targets by channel and category, for enquiries raised from then on', async () => {
    const leader = await bearer('team-leader', { sub: 'leader-lee' });
    const caseworker = await bearer('caseworker');
    const SAVE =
      'mutation($i: SaveSlaPolicyInput!) { saveSlaPolicy(input: $i) { channel category clock unit amount } }';
    const post = (who: string, i: Record<string, unknown>) =>
      request(app.getHttpServer())
        .post('/graphql')
        .set('Authorization', who)
        .send({ query: SAVE, variables: { i } })
        .expect(200);
    const policy = { channel: 'email', category: 'divorce', clock: 'resolution', unit: 'working-days', amount: 5 };
    expect((await post(caseworker, policy)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await post(leader, { ...policy, amount: 2.5 })).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'amount', message: 'must be a whole number of working days from 1 to 60' }],
    });
    expect((await post(leader, policy)).body.data.saveSlaPolicy).toEqual(policy);
    const raised = await commands.raise({ ...enquiry(), channel: 'email', category: 'divorce' }, officer);
    expect(raised.clocks.map((c) => [c.clock, c.unit, c.amount])).toEqual([
      ['first-response', 'working-days', 2],
      ['resolution', 'working-days', 5],
    ]);
  });

  it('runs working-hours clocks in opening hours only: a webchat at 19:55 on Thursday is at risk and breached on Saturday morning', async () => {
    const chat = await commands.raise(
      { ...enquiry(), channel: 'webchat', receivedAt: thursdayBeforeEaster },
      officer,
      undefined,
      thursdayBeforeEaster,
    );
    // 15 minutes of opening time: five on Thursday evening, then ten from 08:00 on Saturday 4 April (Good Friday is closed).
    expect(await run.run(at('2026-04-04T08:04:00+01:00'))).toMatchObject({ atRisk: 0, breached: 0 });
    expect(await run.run(at('2026-04-04T08:06:00+01:00'))).toMatchObject({ atRisk: 1 });
    expect(await run.run(at('2026-04-04T08:10:00+01:00'))).toMatchObject({ breached: 1 });
    expect(await flags(chat.id)).toMatchObject({ 'first-response': 'breached' });
  });

  it('can be run now by a team leader over REST', async () => {
    const [caseworker, leader] = await Promise.all([bearer('caseworker'), bearer('team-leader')]);
    await request(app.getHttpServer()).post('/api/v1/queries/sla/runs').set('Authorization', caseworker).expect(403);
    const ran = await request(app.getHttpServer())
      .post('/api/v1/queries/sla/runs')
      .set('Authorization', leader)
      .expect(200);
    expect(ran.body).toEqual({ atRisk: expect.any(Number), breached: expect.any(Number), ranAt: expect.any(String) });
  });

  it('is also run by the service on its timer', async () => {
    const timed = await startQueriesApp({ SLA_RUN_INTERVAL_MS: '50' });
    try {
      const overdue = await timed.app
        .get(EnquiryCommands)
        .raise(
          { ...enquiry(), channel: 'webchat', receivedAt: thursdayBeforeEaster },
          officer,
          undefined,
          thursdayBeforeEaster,
        );
      await eventually(async () => {
        const rows = (await timed.dataSource.query(
          `SELECT flag FROM enquiry_sla_clocks WHERE enquiry_id = $1 AND clock = 'first-response'`,
          [overdue.id],
        )) as { flag: string }[];
        expect(rows[0]?.flag).toBe('breached');
      });
    } finally {
      await timed.close();
    }
  });
});
