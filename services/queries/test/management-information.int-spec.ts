import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MI_READERS, miPeriodOf } from '@ccsc/management-information';
import { bearer } from '@ccsc/testing';
import { EnquiriesMiQueries } from '../src/management-information/application/enquiries-mi.queries';
import { enquiry, officerProfiles, startQueriesApp } from './queries-app';

type Clock = { met: boolean } | 'running';

/**
 * Enquiries written straight into the tables, at the instants the figures turn on: either side of London
 * midnight at the start of a period in summer time (BST, UTC+1, until 25 October 2026) and at its end in
 * winter time (GMT). `resolution` is the enquiry's resolution SLA clock: running, or stopped and met or not.
 */
const SEEDED: {
  name: string;
  channel: string;
  status: string;
  receivedAt: string;
  resolvedAt?: string;
  firstContact?: boolean;
  resolution: Clock;
  firstResponse?: Clock;
}[] = [
  // Received at 23:30 BST on Sunday 18 October, before the period; answered in it, on time, at first contact.
  {
    name: 'A',
    channel: 'telephone',
    status: 'resolved',
    receivedAt: '2026-10-18T22:30:00Z',
    resolvedAt: '2026-10-19T09:00:00Z',
    firstContact: true,
    resolution: { met: true },
  },
  // Received at 00:00 BST on Monday 19 October, the period's first instant; answered late, not at first contact.
  {
    name: 'B',
    channel: 'telephone',
    status: 'resolved',
    receivedAt: '2026-10-18T23:00:00Z',
    resolvedAt: '2026-10-20T10:00:00Z',
    firstContact: false,
    resolution: { met: false },
  },
  // Still open.
  { name: 'C', channel: 'email', status: 'new', receivedAt: '2026-10-21T12:00:00Z', resolution: 'running' },
  // Received at 23:30 GMT on Sunday 25 October (the clocks went back that morning), answered at 00:30 on Monday.
  {
    name: 'D',
    channel: 'email',
    status: 'closed',
    receivedAt: '2026-10-25T23:30:00Z',
    resolvedAt: '2026-10-26T00:30:00Z',
    firstContact: true,
    resolution: { met: true },
  },
  // Answered at 23:30 GMT on Sunday 1 November, the period's last day.
  {
    name: 'E',
    channel: 'post',
    status: 'resolved',
    receivedAt: '2026-10-28T09:00:00Z',
    resolvedAt: '2026-11-01T23:30:00Z',
    firstContact: true,
    resolution: { met: true },
  },
  // Received at 23:30 GMT on the last day; answered at 00:00 on 2 November, after the period.
  {
    name: 'F',
    channel: 'post',
    status: 'resolved',
    receivedAt: '2026-11-01T23:30:00Z',
    resolvedAt: '2026-11-02T00:00:00Z',
    firstContact: true,
    resolution: { met: true },
  },
  // Wholly after the period: its channel has no activity in it.
  {
    name: 'G',
    channel: 'webchat',
    status: 'resolved',
    receivedAt: '2026-11-02T00:00:00Z',
    resolvedAt: '2026-11-02T01:00:00Z',
    firstContact: true,
    resolution: { met: true },
  },
  // Closed without being resolved: its clocks stopped in time, but it was never answered.
  { name: 'H', channel: 'email', status: 'closed', receivedAt: '2026-10-27T10:00:00Z', resolution: { met: true } },
  // First reply in time, resolution late: the SLA is the resolution clock's.
  {
    name: 'I',
    channel: 'telephone',
    status: 'resolved',
    receivedAt: '2026-10-20T09:00:00Z',
    resolvedAt: '2026-10-20T09:30:00Z',
    firstContact: true,
    resolution: { met: false },
    firstResponse: { met: true },
  },
  // Received in September, answered in the period.
  {
    name: 'J',
    channel: 'social-media',
    status: 'resolved',
    receivedAt: '2026-09-30T10:00:00Z',
    resolvedAt: '2026-10-22T12:00:00Z',
    firstContact: false,
    resolution: { met: false },
  },
];

const FIELDS = `received answered answeredWithinSla slaMetPercent firstContactResolved firstContactResolutionPercent
  byChannel { channel received answered answeredWithinSla firstContactResolved }
  periods { start received answered answeredWithinSla firstContactResolved }`;
const ENTITIES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on ManagementInformation { id enquiries { ${FIELDS} } } }
}`;
const counts = (received: number, answered: number, answeredWithinSla: number, firstContactResolved: number) => ({
  received,
  answered,
  answeredWithinSla,
  firstContactResolved,
});

/** 19 October to 1 November 2026 by weeks from Monday: received B, C, D, E, F, H, I; answered A, B, D, E, I, J. */
const TWO_WEEKS = {
  ...counts(7, 6, 3, 4),
  // On time: A, D, E. At first contact: A, D, E, I.
  slaMetPercent: (3 / 6) * 100,
  firstContactResolutionPercent: (4 / 6) * 100,
  byChannel: [
    { channel: 'email', ...counts(3, 1, 1, 1) },
    { channel: 'post', ...counts(2, 1, 1, 1) },
    { channel: 'social-media', ...counts(0, 1, 0, 0) },
    { channel: 'telephone', ...counts(2, 3, 1, 2) },
  ],
  periods: [
    // Received B, C, D, I; answered A, B, I, J.
    { start: '2026-10-19', ...counts(4, 4, 1, 2) },
    // Received E, F, H; answered D, E.
    { start: '2026-10-26', ...counts(3, 2, 2, 2) },
  ],
};

describe('management information: the enquiries section', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let teamLeader: string;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    await officerProfiles(dataSource, ['caseworker-c']);
    [teamLeader, caseworker] = await Promise.all([
      bearer('team-leader', { sub: 'team-leader-t' }),
      bearer('caseworker', { sub: 'caseworker-c' }),
    ]);
    const contactId = randomUUID();
    await dataSource.query(
      `INSERT INTO contacts (id, kind, name, created_at) VALUES ($1, 'public', 'Alex Smith', '2026-09-01T00:00:00Z')`,
      [contactId],
    );
    for (const seeded of SEEDED) {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO enquiries (id, channel, contact_id, subject, priority, language, status, major_priority,
           minor_priority, priority_date, received_at, resolved_at, resolved_first_contact, raised_by, created_at,
           updated_at)
         VALUES ($1, $2, $3, $4, 'normal', 'en', $5, 1, 1, $6, $6, $7, $8, 'caseworker-c', $6, $6)`,
        [
          id,
          seeded.channel,
          contactId,
          `Enquiry ${seeded.name}`,
          seeded.status,
          seeded.receivedAt,
          seeded.resolvedAt ?? null,
          seeded.firstContact ?? null,
        ],
      );
      const clocks: [string, Clock][] = [['resolution', seeded.resolution]];
      if (seeded.firstResponse) clocks.push(['first-response', seeded.firstResponse]);
      for (const [clock, state] of clocks) {
        const stopped = state !== 'running';
        await dataSource.query(
          `INSERT INTO enquiry_sla_clocks (enquiry_id, clock, unit, amount, status, flag, started_at, due_at,
             at_risk_at, stopped_at, met, calendar_version)
           VALUES ($1, $2, 'working-days', 10, $3, $4, $5, $5::timestamptz + interval '14 days',
             $5::timestamptz + interval '12 days', $6, $7, 'test')`,
          [
            id,
            clock,
            stopped ? 'stopped' : 'running',
            stopped && !state.met ? 'breached' : 'on-track',
            seeded.receivedAt,
            stopped ? (seeded.resolvedAt ?? seeded.receivedAt) : null,
            stopped ? state.met : null,
          ],
        );
      }
    }
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const graphql = (token: string, query: string, variables: Record<string, unknown>) =>
    http().post('/graphql').set('Authorization', token).send({ query, variables }).expect(200);
  const section = (token: string, id: string) =>
    graphql(token, ENTITIES, { reps: [{ __typename: 'ManagementInformation', id }] });
  const csv = (token: string, params: Record<string, string>) =>
    http().get('/api/v1/queries/management-information').query(params).set('Authorization', token);

  it('counts received, answered, on time and at first contact per week from Monday, by channel', async () => {
    // As the gateway asks for the section: by the entity's key.
    const answer = await section(teamLeader, '2026-10-19..2026-11-01/week');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data._entities).toEqual([{ id: '2026-10-19..2026-11-01/week', enquiries: TWO_WEEKS }]);
  });

  it('puts 23:30 on the last day in, and the midnight after it out, in summer time too, with no rate when none was answered', async () => {
    const answer = await section(teamLeader, '2026-10-18..2026-10-18/day');
    expect(answer.body.errors).toBeUndefined();
    // A at 23:30 BST on the 18th; B at 00:00 BST on the 19th belongs to the next day.
    expect(answer.body.data._entities[0].enquiries).toEqual({
      ...counts(1, 0, 0, 0),
      slaMetPercent: null,
      firstContactResolutionPercent: null,
      byChannel: [{ channel: 'telephone', ...counts(1, 0, 0, 0) }],
      periods: [{ start: '2026-10-18', ...counts(1, 0, 0, 0) }],
    });
  });

  it('exports the section as CSV, one figure a line, by calendar months clipped to the period', async () => {
    const answer = await csv(teamLeader, { from: '2026-10-19', to: '2026-11-01', granularity: 'month' }).expect(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (bucket: string, dimension: string, values: [number, number, number, number]) =>
      ['received', 'answered', 'answered_within_sla', 'first_contact_resolved'].map(
        (measure, i) => `enquiries,2026-10-19,2026-11-01,month,${bucket},${measure},${dimension},${values[i]}`,
      );
    expect(answer.text.trimEnd().split('\n')).toEqual([
      'section,from,to,granularity,bucket,measure,dimension,value',
      // October from the 19th: received B, C, D, E, H, I; answered A, B, D, I, J, of which A and D on time
      // and A, D and I at first contact. 1 November: received F; answered E, on time, at first contact.
      ...lines('2026-10-19', '', [6, 5, 2, 3]),
      ...lines('2026-11-01', '', [1, 1, 1, 1]),
      ...lines('total', '', [7, 6, 3, 4]),
      ...lines('total', 'channel=email', [3, 1, 1, 1]),
      ...lines('total', 'channel=post', [2, 1, 1, 1]),
      ...lines('total', 'channel=social-media', [0, 1, 0, 0]),
      ...lines('total', 'channel=telephone', [2, 3, 1, 2]),
    ]);
  });

  it('refuses a period it cannot answer with a clear error, over REST and GraphQL', async () => {
    const refused = await csv(teamLeader, { from: '2026-11-01', to: '2026-10-19' }).expect(400);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors).toEqual([{ field: 'to', message: 'must not be before from' }]);

    const viaGraphql = await section(teamLeader, '2026-11-01..2026-10-19/week');
    expect(viaGraphql.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'to', message: 'must not be before from' }],
    });
  });

  it('is for team leaders only: a caseworker is refused the section and the export', async () => {
    expect(MI_READERS).toEqual(['team-leader']);
    const refused = await csv(caseworker, { from: '2026-10-19', to: '2026-11-01' }).expect(403);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body.code).toBe('FORBIDDEN');

    const asked = await section(caseworker, '2026-10-19..2026-11-01/week');
    expect(asked.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(asked.body.data?._entities?.[0] ?? null).toBeNull();
  });

  it('reads only the period’s receipts and answers, through the indexes on their times', async () => {
    const calls: [string, unknown[]][] = [];
    const query = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(async (sql: string, params?: unknown) => {
      calls.push([sql, (params as unknown[] | undefined) ?? []]);
      return query(sql, params as unknown[] | undefined);
    });
    try {
      await app.get(EnquiriesMiQueries).figuresFor(miPeriodOf({ from: '2026-10-19', to: '2026-11-01' }));
    } finally {
      spy.mockRestore();
    }
    expect(calls).toHaveLength(1);
    const [sql, params] = calls[0]!;
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return JSON.stringify(await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));
    });
    expect(plan).toContain('"Index Name":"enquiries_received"');
    expect(plan).toContain('"Index Name":"enquiries_resolved"');
  });

  it('counts what the service itself records, and shows the month to date as gauges', async () => {
    // A web chat raised now and resolved at once (no reply, no wait): answered on time at first contact.
    const raise = (channel: string) =>
      http().post('/api/v1/queries/enquiries').set('Authorization', caseworker).send(enquiry({ channel })).expect(201);
    const chat = (await raise('webchat')).body;
    await graphql(caseworker, 'mutation($id: ID!) { claimEnquiry(enquiryId: $id) { id } }', { id: chat.id });
    const resolved = await graphql(
      caseworker,
      'mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { status } }',
      { i: { enquiryId: chat.id, status: 'resolved' } },
    );
    expect(resolved.body.data.changeEnquiryStatus.status).toBe('resolved');
    // A call raised and still open: received only.
    const call = (await raise('telephone')).body;

    const metrics = await http().get('/metrics').expect(200);
    const gauge = (measure: string, dimension = '') =>
      sample(metrics.text, 'ccsc_management_information_enquiries', { service: 'queries', measure, dimension });
    const measures = ['received', 'answered', 'answered_within_sla', 'first_contact_resolved'];
    expect(
      Object.fromEntries(
        ['', 'channel=webchat', 'channel=telephone', 'channel=email'].map((dimension) => [
          dimension || 'total',
          measures.map((measure) => gauge(measure, dimension)),
        ]),
      ),
    ).toEqual({
      total: [2, 1, 1, 1],
      'channel=webchat': [1, 1, 1, 1],
      'channel=telephone': [1, 0, 0, 0],
      // No email this month: no series at all.
      'channel=email': [undefined, undefined, undefined, undefined],
    });
    // Counts only: no enquiry, reference or contact in any series.
    for (const raised of [chat, call]) {
      expect(raised.reference).toMatch(/^ENQ-\d{7}$/);
      expect(metrics.text).not.toContain(raised.id);
      expect(metrics.text).not.toContain(raised.reference);
    }
    expect(metrics.text).not.toContain('Alex Smith');
  });
});

/** The value of the Prometheus sample with exactly these labels, in any order; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (
      Object.keys(found).length === Object.keys(labels).length &&
      Object.entries(labels).every(([k, v]) => found[k] === v)
    )
      return Number(match[3]);
  }
  return undefined;
}
