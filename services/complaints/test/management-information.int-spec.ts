import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { londonInstant, type LocalDate } from '@ccsc/calendar';
import { MI_READERS, miPeriodOf } from '@ccsc/management-information';
import { bearer, indexConditions } from '@ccsc/testing';
import { MiComplaintsQueries } from '../src/management-information/application/complaints-mi.queries';
import { startComplaintsApp } from './complaints-app';

type Outcome = 'upheld' | 'partially-upheld' | 'not-upheld';
/** A London wall-clock time: `2026-03-31 23:30` is 22:30 UTC (summer time), `2026-02-28 23:30` is 23:30 UTC. */
type London = `${LocalDate} ${string}`;

const london = (at: London) => {
  const [day, time] = at.split(' ') as [LocalDate, string];
  return londonInstant(day, time as '00:00');
};

interface SeedStage {
  started: London;
  /** The response deadline: answered by the end of this London day is on time. */
  due: LocalDate;
  responded?: London;
}

interface Seed {
  stages: SeedStage[];
  closed?: { at: London; outcome: Outcome; businessArea: string; cause: string };
}

const SECTION = `complaints {
  received answered answeredOnTime closed upheld perThousandCases
  byBusinessArea { businessArea closed upheld }
  byCause { cause closed upheld }
  periods { start received answered answeredOnTime }
}`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ManagementInformation { id ${SECTION} } } }`;

describe('the complaints section of the management information', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let teamLeader: string;
  let caseworker: string;
  let officer: string;

  /** A complaint as the complaint repository stores it, received when its stage 1 starts. */
  async function seed({ stages, closed }: Seed): Promise<void> {
    const dataSource = app.get(DataSource);
    const id = randomUUID();
    const received = london(stages[0]!.started);
    await dataSource.query(
      `INSERT INTO complaints (id, reference, complainant_type, origin, category, severity, language, received_at,
                               business_area, cause_category, outcome, closed_at, closed_by, created_at, created_by)
       VALUES ($1, $2, 'public', 'telephone', 'delay', 'minor', 'en', $3, $4, $5, $6, $7, $8, $3, 'officer-olu')`,
      [
        id,
        `CMP-MI-${id.slice(0, 8)}`,
        received,
        closed?.businessArea ?? null,
        closed?.cause ?? null,
        closed?.outcome ?? null,
        closed ? london(closed.at) : null,
        closed ? 'officer-olu' : null,
      ],
    );
    for (const [i, stage] of stages.entries()) {
      const dueAt = londonInstant(stage.due, '23:59');
      await dataSource.query(
        `INSERT INTO complaint_stages (complaint_id, stage, status, started_at, working_days, due_date, due_at,
                                       at_risk_at, calendar_version, responded_at, response_text, outcome)
         VALUES ($1, $2, $3, $4, 10, $5, $6, $6, 'test', $7, $8, $9)`,
        [
          id,
          i + 1,
          stage.responded ? 'response-sent' : 'received',
          london(stage.started),
          stage.due,
          dueAt,
          stage.responded ? london(stage.responded) : null,
          stage.responded ? 'Our response.' : null,
          stage.responded ? 'not-upheld' : null,
        ],
      );
    }
  }

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp());
    [teamLeader, caseworker, officer] = await Promise.all([
      bearer('team-leader'),
      bearer('caseworker'),
      bearer('complaints-officer'),
    ]);
    // March (GMT until the 29th, then BST) and April (BST) 2026, with February and May on either side.
    const complaints: Seed[] = [
      // A: received at the very start of 1 March (00:00 GMT), answered on time, closed upheld.
      {
        stages: [{ started: '2026-03-01 00:00', due: '2026-03-13', responded: '2026-03-10 10:00' }],
        closed: { at: '2026-03-10 11:00', outcome: 'upheld', businessArea: 'civil-listing', cause: 'process-failure' },
      },
      // B: received 23:30 GMT on 28 February (before the period); stage 1 answered late at 23:30 BST on
      // 31 March (March); stage 2, started then, answered on time at midnight starting 1 April (April).
      {
        stages: [
          { started: '2026-02-28 23:30', due: '2026-03-14', responded: '2026-03-31 23:30' },
          { started: '2026-03-31 23:30', due: '2026-04-15', responded: '2026-04-01 00:00' },
        ],
        closed: {
          at: '2026-04-01 00:00',
          outcome: 'partially-upheld',
          businessArea: 'civil-listing',
          cause: 'staff-error',
        },
      },
      // C: received 23:30 BST on 31 March: March's, not April's. Not answered.
      { stages: [{ started: '2026-03-31 23:30', due: '2026-04-14' }] },
      // D: received at midnight starting 1 April; answered late and closed at 23:30 BST on the period's last day.
      {
        stages: [{ started: '2026-04-01 00:00', due: '2026-04-15', responded: '2026-04-30 23:30' }],
        closed: { at: '2026-04-30 23:30', outcome: 'not-upheld', businessArea: 'family', cause: 'process-failure' },
      },
      // E: received 23:30 BST on the period's last day.
      { stages: [{ started: '2026-04-30 23:30', due: '2026-05-14' }] },
      // F: everything at midnight starting 1 May: after the period.
      {
        stages: [{ started: '2026-05-01 00:00', due: '2026-05-15', responded: '2026-05-01 00:00' }],
        closed: { at: '2026-05-01 00:00', outcome: 'upheld', businessArea: 'family', cause: 'staff-error' },
      },
      // G: mid-April, answered on time, closed upheld.
      {
        stages: [{ started: '2026-04-15 12:00', due: '2026-04-29', responded: '2026-04-20 09:00' }],
        closed: { at: '2026-04-20 10:00', outcome: 'upheld', businessArea: 'family', cause: 'process-failure' },
      },
      // H: February's entirely: answered late and closed at 23:30 GMT on 28 February.
      {
        stages: [{ started: '2026-02-02 10:00', due: '2026-02-13', responded: '2026-02-28 23:30' }],
        closed: { at: '2026-02-28 23:30', outcome: 'upheld', businessArea: 'civil-listing', cause: 'process-failure' },
      },
    ];
    for (const complaint of complaints) await seed(complaint);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const entities = (token: string, representation: Record<string, unknown>) =>
    http()
      .post('/graphql')
      .set('Authorization', token)
      .send({ query: ENTITIES, variables: { reps: [{ __typename: 'ManagementInformation', ...representation }] } })
      .expect(200);

  const SPRING = {
    received: 5,
    answered: 5,
    answeredOnTime: 3,
    closed: 4,
    upheld: 3,
    byBusinessArea: [
      { businessArea: 'civil-listing', closed: 2, upheld: 2 },
      { businessArea: 'family', closed: 2, upheld: 1 },
    ],
    byCause: [
      { cause: 'process-failure', closed: 3, upheld: 2 },
      { cause: 'staff-error', closed: 1, upheld: 1 },
    ],
    periods: [
      { start: '2026-03-01', received: 2, answered: 2, answeredOnTime: 1 },
      { start: '2026-04-01', received: 3, answered: 3, answeredOnTime: 2 },
    ],
  };

  it('answers its section by London months, per thousand of the cases issued the gateway passes', async () => {
    const id = '2026-03-01..2026-04-30/month';
    const answer = await entities(teamLeader, { id, cases: { issued: 40 } });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data._entities).toEqual([{ id, complaints: { ...SPRING, perThousandCases: 125 } }]);
  });

  it('cuts by London days across the change to summer time, and at the last day of a winter period', async () => {
    const spring = await entities(teamLeader, { id: '2026-03-31..2026-04-01/day', cases: { issued: 0 } });
    expect(spring.body.data._entities[0].complaints).toEqual({
      received: 2,
      answered: 2,
      answeredOnTime: 1,
      closed: 1,
      upheld: 1,
      // No case issued: nothing to compare with.
      perThousandCases: null,
      byBusinessArea: [{ businessArea: 'civil-listing', closed: 1, upheld: 1 }],
      byCause: [{ cause: 'staff-error', closed: 1, upheld: 1 }],
      periods: [
        { start: '2026-03-31', received: 1, answered: 1, answeredOnTime: 0 },
        { start: '2026-04-01', received: 1, answered: 1, answeredOnTime: 1 },
      ],
    });
    // Weeks from Monday, the first clipped to the period; 23:30 GMT on its last day counts, midnight after does not.
    const winter = await entities(teamLeader, { id: '2026-02-20..2026-02-28/week', cases: { issued: 3 } });
    expect(winter.body.data._entities[0].complaints).toEqual({
      received: 1,
      answered: 1,
      answeredOnTime: 0,
      closed: 1,
      upheld: 1,
      perThousandCases: 1000 / 3,
      byBusinessArea: [{ businessArea: 'civil-listing', closed: 1, upheld: 1 }],
      byCause: [{ cause: 'process-failure', closed: 1, upheld: 1 }],
      periods: [
        { start: '2026-02-20', received: 0, answered: 0, answeredOnTime: 0 },
        { start: '2026-02-23', received: 1, answered: 1, answeredOnTime: 0 },
      ],
    });
  });

  it('has no figure per thousand cases when the cases section was not asked with it', async () => {
    const answer = await entities(teamLeader, { id: '2026-03-01..2026-04-30/month' });
    expect(answer.body.data._entities[0].complaints).toEqual({ ...SPRING, perThousandCases: null });
  });

  it('refuses a period or a representation it cannot answer as bad input', async () => {
    const backwards = await entities(teamLeader, { id: '2026-04-30..2026-03-01/month', cases: { issued: 40 } });
    expect(backwards.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'to', message: 'must not be before from' }],
    });
    const negative = await entities(teamLeader, { id: '2026-03-01..2026-04-30/month', cases: { issued: -1 } });
    expect(negative.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'cases.issued', message: 'must be a whole number of cases, zero or more' }],
    });
  });

  it('exports the same figures as CSV, without the measure only the gateway can complete', async () => {
    const csv = await http()
      .get('/api/v1/complaints/management-information')
      .query({ from: '2026-03-01', to: '2026-04-30', granularity: 'month' })
      .set('Authorization', teamLeader)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const period = 'complaints,2026-03-01,2026-04-30,month';
    expect(csv.text.trim().split('\n')).toEqual([
      'section,from,to,granularity,bucket,measure,dimension,value',
      `${period},2026-03-01,received,,2`,
      `${period},2026-03-01,answered,,2`,
      `${period},2026-03-01,answered_on_time,,1`,
      `${period},2026-04-01,received,,3`,
      `${period},2026-04-01,answered,,3`,
      `${period},2026-04-01,answered_on_time,,2`,
      `${period},total,received,,5`,
      `${period},total,answered,,5`,
      `${period},total,answered_on_time,,3`,
      `${period},total,closed,,4`,
      `${period},total,upheld,,3`,
      `${period},total,closed,business_area=civil-listing,2`,
      `${period},total,upheld,business_area=civil-listing,2`,
      `${period},total,closed,business_area=family,2`,
      `${period},total,upheld,business_area=family,1`,
      `${period},total,closed,cause=process-failure,3`,
      `${period},total,upheld,cause=process-failure,2`,
      `${period},total,closed,cause=staff-error,1`,
      `${period},total,upheld,cause=staff-error,1`,
    ]);

    const backwards = await http()
      .get('/api/v1/complaints/management-information')
      .query({ from: '2026-04-30', to: '2026-03-01' })
      .set('Authorization', teamLeader)
      .expect(400);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(backwards.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'to', message: 'must not be before from' }],
    });
  });

  it('is read by team leaders only (MI_READERS), on the section and on the export', async () => {
    expect(MI_READERS).toEqual(['team-leader']);
    for (const token of [caseworker, officer]) {
      await http()
        .get('/api/v1/complaints/management-information')
        .query({ from: '2026-03-01', to: '2026-04-30' })
        .set('Authorization', token)
        .expect(403);
      const refused = await entities(token, { id: '2026-03-01..2026-04-30/month', cases: { issued: 40 } });
      expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(refused.body.data?._entities?.[0]?.complaints ?? null).toBeNull();
    }
  });

  it('counts in the database through the indexes of the instants it counts on', async () => {
    const dataSource = app.get(DataSource);
    const statements: [string, unknown[]][] = [];
    const run = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(async (text: string, params?: unknown) => {
      // Only the section's own statements: the service's background work runs meanwhile.
      if (/FROM complaint/.test(text)) statements.push([text, (params as unknown[] | undefined) ?? []]);
      return run(text, params as unknown[] | undefined);
    });
    try {
      await app
        .get(MiComplaintsQueries)
        .figuresFor(miPeriodOf({ from: '2026-03-01', to: '2026-04-30', granularity: 'week' }));
    } finally {
      spy.mockRestore();
    }
    const conditions = await Promise.all(statements.map(([text, params]) => indexConditions(dataSource, text, params)));
    expect(statements).toHaveLength(2);
    expect(conditions.flat().map((c) => /\((\w+) >=/.exec(c)?.[1])).toEqual(
      expect.arrayContaining(['started_at', 'responded_at', 'closed_at']),
    );
  });
});
