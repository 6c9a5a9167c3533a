import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { feesSettledV1 } from '@ccsc/contracts';
import { MI_READERS, miPeriodOf } from '@ccsc/management-information';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { CasesMiQueries } from '../src/management-information/application/cases-mi.queries';
import { claim, startCasesApp } from './cases-app';

/**
 * A history written straight into the tables, at the instants the figures turn on: either side of London
 * midnight at the start and end of a period, in summer time (BST, UTC+1) and after the clocks went back
 * on 26 October 2025 (GMT). Each transition is [event, from, to, instant].
 */
const SEEDED: { caseType: string; createdAt: string; history: [string, string, string, string][] }[] = [
  {
    // A: created 20 September; issued at the first instant of 1 October in London (11 days).
    caseType: 'civil-money-claim',
    createdAt: '2025-09-20T10:00:00Z',
    history: [
      ['submit', 'Draft', 'Submitted', '2025-09-30T22:30:00Z'], // 23:30 BST on 30 September
      ['issue', 'Submitted', 'Issued', '2025-09-30T23:00:00Z'], // 00:00 BST on 1 October
      ['serve', 'Issued', 'AwaitingResponse', '2025-10-31T23:30:00Z'], // 23:30 GMT on 31 October
    ],
  },
  {
    // B: created 5 October, issued at the first instant of 1 November (27 days), withdrawn at 23:30 on 30 November.
    caseType: 'civil-money-claim',
    createdAt: '2025-10-05T09:00:00Z',
    history: [
      ['submit', 'Draft', 'Submitted', '2025-10-06T09:00:00Z'],
      ['issue', 'Submitted', 'Issued', '2025-11-01T00:00:00Z'],
      ['withdraw', 'Issued', 'Withdrawn', '2025-11-30T23:30:00Z'],
    ],
  },
  {
    // C: created at 00:30 BST on 11 October (still the 10th in UTC), issued on the 20th: 9 London days, not 10.
    caseType: 'divorce',
    createdAt: '2025-10-10T23:30:00Z',
    history: [
      ['submit', 'Draft', 'Submitted', '2025-10-12T10:00:00Z'],
      ['issue', 'Submitted', 'Issued', '2025-10-20T10:00:00Z'],
      ['serve', 'Issued', 'AwaitingResponse', '2025-12-01T00:00:00Z'], // 00:00 GMT on 1 December
    ],
  },
  {
    // D: probate has no issue step; issuing the grant is a final state, so a closure.
    caseType: 'probate',
    createdAt: '2025-10-01T08:00:00Z',
    history: [
      ['submit', 'Draft', 'Submitted', '2025-10-02T08:00:00Z'],
      ['examine', 'Submitted', 'Examining', '2025-11-10T08:00:00Z'],
      // An event that leaves the case where it was (none of today's case types has one) moves nothing.
      ['examine', 'Examining', 'Examining', '2025-11-15T08:00:00Z'],
      ['issue-grant', 'Examining', 'GrantIssued', '2025-11-20T08:00:00Z'],
    ],
  },
  {
    // F: issued 3 days after it was created.
    caseType: 'civil-money-claim',
    createdAt: '2025-11-02T10:00:00Z',
    history: [
      ['submit', 'Draft', 'Submitted', '2025-11-03T10:00:00Z'],
      ['issue', 'Submitted', 'Issued', '2025-11-05T10:00:00Z'],
    ],
  },
  {
    // E: created within October to November but moved only on 1 December: no activity in that period.
    caseType: 'social-security-appeal',
    createdAt: '2025-11-01T12:00:00Z',
    history: [['submit', 'Draft', 'Submitted', '2025-12-01T00:00:00Z']],
  },
];

const CASES_FIELDS = `issued progressed closed medianDaysToIssue
  byCaseType { caseType issued progressed closed medianDaysToIssue }
  periods { start issued progressed closed }`;
const ROOT = `query($from: String!, $to: String!, $granularity: ManagementInformationGranularity!) {
  managementInformation(from: $from, to: $to, granularity: $granularity) { id from to granularity cases { ${CASES_FIELDS} } }
}`;
const ENTITIES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on ManagementInformation { id cases { ${CASES_FIELDS} } } }
}`;

/** October and November 2025 by month: A to D and F, E not at all. */
const OCTOBER_TO_NOVEMBER = {
  issued: 4,
  progressed: 6,
  closed: 2,
  // 3, 9, 11 and 27 days: halfway between 9 and 11.
  medianDaysToIssue: 10,
  byCaseType: [
    { caseType: 'civil-money-claim', issued: 3, progressed: 3, closed: 1, medianDaysToIssue: 11 },
    { caseType: 'divorce', issued: 1, progressed: 1, closed: 0, medianDaysToIssue: 9 },
    { caseType: 'probate', issued: 0, progressed: 2, closed: 1, medianDaysToIssue: null },
  ],
  periods: [
    // Issued A and C; progressed A's service, B's, C's and D's submissions.
    { start: '2025-10-01', issued: 2, progressed: 4, closed: 0 },
    // Issued B and F; progressed D's examination and F's submission; closed B (withdrawn) and D (grant issued).
    { start: '2025-11-01', issued: 2, progressed: 2, closed: 2 },
  ],
};

describe('management information: the cases section', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let teamLeader: string;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    [teamLeader, caseworker] = await Promise.all([
      bearer('team-leader', { sub: 'team-leader-t' }),
      bearer('caseworker', { sub: 'caseworker-c' }),
    ]);
    const db = app.get(DataSource);
    for (const [n, seeded] of SEEDED.entries()) {
      const id = randomUUID();
      const last = seeded.history.at(-1)!;
      await db.query(
        `INSERT INTO cases (id, reference, case_type, state, state_entered_at, created_by, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, 'caseworker-c', $6, $5, $7)`,
        [id, `90000000000000${n}0`, seeded.caseType, last[2], last[3], seeded.createdAt, seeded.history.length + 1],
      );
      for (const [event, from, to, at] of seeded.history)
        await db.query(
          `INSERT INTO case_history (id, case_id, event, from_state, to_state, actor, actor_roles, at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 'caseworker-c', 'caseworker', $5)`,
          [id, event, from, to, at],
        );
    }
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const graphql = (token: string, query: string, variables: Record<string, unknown>) =>
    http().post('/graphql').set('Authorization', token).send({ query, variables }).expect(200);
  const csv = (token: string, params: Record<string, string>) =>
    http().get('/api/v1/cases/management-information').query(params).set('Authorization', token);

  it('counts issues, progress and closures per month, by case type, with the median days to issue', async () => {
    const answer = await graphql(teamLeader, ROOT, { from: '2025-10-01', to: '2025-11-30', granularity: 'MONTH' });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.managementInformation).toEqual({
      id: '2025-10-01..2025-11-30/month',
      from: '2025-10-01',
      to: '2025-11-30',
      granularity: 'MONTH',
      cases: OCTOBER_TO_NOVEMBER,
    });

    // As the gateway asks for the section: by the entity's key.
    const entities = await graphql(teamLeader, ENTITIES, {
      reps: [{ __typename: 'ManagementInformation', id: '2025-10-01..2025-11-30/month' }],
    });
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data._entities).toEqual([{ id: '2025-10-01..2025-11-30/month', cases: OCTOBER_TO_NOVEMBER }]);
  });

  it('puts 23:30 on the last day in, and the midnight after it out, in summer time too', async () => {
    const answer = await graphql(teamLeader, ROOT, { from: '2025-09-30', to: '2025-09-30', granularity: 'DAY' });
    expect(answer.body.errors).toBeUndefined();
    // A's submission at 23:30 BST; its issue at 00:00 BST on 1 October belongs to the next day.
    expect(answer.body.data.managementInformation.cases).toEqual({
      issued: 0,
      progressed: 1,
      closed: 0,
      medianDaysToIssue: null,
      byCaseType: [{ caseType: 'civil-money-claim', issued: 0, progressed: 1, closed: 0, medianDaysToIssue: null }],
      periods: [{ start: '2025-09-30', issued: 0, progressed: 1, closed: 0 }],
    });
  });

  it('exports the section as CSV, one figure a line, by weeks from Monday', async () => {
    const answer = await csv(teamLeader, { from: '2025-10-27', to: '2025-11-09', granularity: 'week' }).expect(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    const line = (bucket: string, measure: string, dimension: string, value: number) =>
      `cases,2025-10-27,2025-11-09,week,${bucket},${measure},${dimension},${value}`;
    // Week of 27 October: A served (23:30 on Friday 31st), B issued (00:00 on Saturday 1 November).
    // Week of 3 November: F submitted and issued. D's examination on the 10th is after the period.
    expect(answer.text.trimEnd().split('\n')).toEqual([
      'section,from,to,granularity,bucket,measure,dimension,value',
      line('2025-10-27', 'issued', '', 1),
      line('2025-10-27', 'progressed', '', 1),
      line('2025-10-27', 'closed', '', 0),
      line('2025-11-03', 'issued', '', 1),
      line('2025-11-03', 'progressed', '', 1),
      line('2025-11-03', 'closed', '', 0),
      line('total', 'issued', '', 2),
      line('total', 'progressed', '', 2),
      line('total', 'closed', '', 0),
      // B after 27 days, F after 3.
      line('total', 'median_days_to_issue', '', 15),
      line('total', 'issued', 'case_type=civil-money-claim', 2),
      line('total', 'progressed', 'case_type=civil-money-claim', 2),
      line('total', 'closed', 'case_type=civil-money-claim', 0),
      line('total', 'median_days_to_issue', 'case_type=civil-money-claim', 15),
    ]);
  });

  it('refuses a period it cannot answer with a clear error, over REST and GraphQL', async () => {
    const refused = await csv(teamLeader, { from: '2025-11-30', to: '2025-11-01' }).expect(400);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body.errors).toEqual([{ field: 'to', message: 'must not be before from' }]);

    const viaGraphql = await graphql(teamLeader, ROOT, { from: '2025-11-30', to: '2025-11-01', granularity: 'DAY' });
    expect(viaGraphql.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'to', message: 'must not be before from' }],
    });
  });

  it('is for team leaders only: a caseworker is refused the query, the section and the export', async () => {
    expect(MI_READERS).toEqual(['team-leader']);
    const period = { from: '2025-10-01', to: '2025-11-30' };
    const refused = await csv(caseworker, period).expect(403);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body.code).toBe('FORBIDDEN');

    const root = await graphql(caseworker, ROOT, { ...period, granularity: 'MONTH' });
    expect(root.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // The subgraph asked directly for the section, past the root field's check.
    const section = await graphql(caseworker, ENTITIES, {
      reps: [{ __typename: 'ManagementInformation', id: '2025-10-01..2025-11-30/month' }],
    });
    expect(section.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(section.body.data?._entities?.[0] ?? null).toBeNull();
  });

  it("reads only the period's transitions, through the index on their time", async () => {
    const dataSource = app.get(DataSource);
    const calls: [string, unknown[]][] = [];
    const query = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(async (sql: string, params?: unknown) => {
      calls.push([sql, (params as unknown[] | undefined) ?? []]);
      return query(sql, params as unknown[] | undefined);
    });
    try {
      await app.get(CasesMiQueries).figuresFor(miPeriodOf({ from: '2025-10-01', to: '2025-11-30' }));
    } finally {
      spy.mockRestore();
    }
    expect(calls).toHaveLength(1);
    const [sql, params] = calls[0]!;
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return JSON.stringify(await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));
    });
    expect(plan).toContain('"Index Name":"case_history_at"');
  });

  it('counts what the service itself records, and shows the month to date as gauges', async () => {
    const trigger = (id: string, event: string) =>
      http().post(`/api/v1/cases/${id}/events`).set('Authorization', caseworker).send({ event });
    // A money claim submitted, its fee paid, and issued today: 0 days to issue.
    const moneyClaim = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    await trigger(moneyClaim.body.id, 'submit').expect(200);
    await publishEvent(feesSettledV1, moneyClaim.body.id, {
      caseId: moneyClaim.body.id,
      feeCodes: ['FEE0202'],
      settlement: 'paid',
    });
    await eventually(async () => trigger(moneyClaim.body.id, 'issue').expect(200));
    // An appeal submitted, then withdrawn: progressed once, closed once.
    const appeal = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({
        caseType: 'social-security-appeal',
        parties: [
          { role: 'appellant', kind: 'person', name: 'Ali Appellant' },
          { role: 'respondent', kind: 'organisation', name: 'Department for Work and Pensions' },
        ],
      })
      .expect(201);
    await trigger(appeal.body.id, 'submit').expect(200);
    await trigger(appeal.body.id, 'withdraw').expect(200);

    const metrics = await http().get('/metrics').expect(200);
    const gauge = (measure: string, dimension = '') =>
      sample(metrics.text, 'ccsc_management_information_cases', { service: 'cases', measure, dimension });
    expect({
      issued: gauge('issued'),
      progressed: gauge('progressed'),
      closed: gauge('closed'),
      medianDaysToIssue: gauge('median_days_to_issue'),
      claimsIssued: gauge('issued', 'case_type=civil-money-claim'),
      claimsProgressed: gauge('progressed', 'case_type=civil-money-claim'),
      claimsClosed: gauge('closed', 'case_type=civil-money-claim'),
      claimsMedian: gauge('median_days_to_issue', 'case_type=civil-money-claim'),
      appealsIssued: gauge('issued', 'case_type=social-security-appeal'),
      appealsProgressed: gauge('progressed', 'case_type=social-security-appeal'),
      appealsClosed: gauge('closed', 'case_type=social-security-appeal'),
      appealsMedian: gauge('median_days_to_issue', 'case_type=social-security-appeal'),
    }).toEqual({
      issued: 1,
      progressed: 2,
      closed: 1,
      medianDaysToIssue: 0,
      claimsIssued: 1,
      claimsProgressed: 1,
      claimsClosed: 0,
      claimsMedian: 0,
      appealsIssued: 0,
      appealsProgressed: 1,
      appealsClosed: 1,
      appealsMedian: undefined,
    });
    // Counts only: no case, reference or party in any series.
    expect(metrics.text).not.toContain(moneyClaim.body.id);
    expect(metrics.text).not.toContain(moneyClaim.body.reference);
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
