import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer } from '@ccsc/testing';
import { enquiry, startQueriesApp } from './queries-app';
import { expectDocumented, expectProblem, restAndGraphQL, type Loose } from './rest-parity';

describe('SLA targets over REST', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let api: ReturnType<typeof restAndGraphQL>;
  let officer: string;
  let leader: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    api = restAndGraphQL(app, dataSource);
    [officer, leader, citizen] = await Promise.all([
      bearer('caseworker', { sub: 'officer-1' }),
      bearer('team-leader', { sub: 'leader-lee' }),
      bearer('citizen', { sub: 'citizen-carys' }),
    ]);
  });
  afterAll(() => close());

  const put = (who: string, body: unknown) =>
    api
      .http()
      .put('/api/v1/queries/sla/policies')
      .set('Authorization', who)
      .send(body as object);
  const SAVE = 'mutation($i: SaveSlaPolicyInput!) { saveSlaPolicy(input: $i) { clock } }';
  const target = { channel: 'post', category: 'rest-test', clock: 'resolution', unit: 'working-days', amount: 7 };

  it('lets team leaders set a target for a channel and category, replacing it, for enquiries raised from then on', async () => {
    const saved = await put(leader, target).expect(200);
    expect(saved.body).toEqual(target);
    expect((await put(leader, { ...target, amount: 8 }).expect(200)).body.amount).toBe(8);

    const table = await api.http().get('/api/v1/queries/sla/policies').set('Authorization', officer).expect(200);
    expect(table.body.filter((p: Loose) => p.category === 'rest-test')).toEqual([{ ...target, amount: 8 }]);
    const graphql = await api.ok('{ slaPolicies { channel category clock unit amount } }', {}, officer);
    expect(table.body).toEqual(graphql.slaPolicies);

    const raised = await api
      .http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', officer)
      .send(enquiry({ channel: 'post', category: 'rest-test' }))
      .expect(201);
    expect(raised.body.sla.find((c: Loose) => c.clock === 'resolution')).toMatchObject({
      unit: 'working-days',
      target: 8,
    });
  });

  it('refuses as GraphQL does, and bad input with 400 problem+json, changing nothing', async () => {
    const before = await api.store();
    for (const [code, input, who] of [
      ['FORBIDDEN', target, officer],
      ['FORBIDDEN', target, citizen],
      ['BAD_USER_INPUT', { ...target, amount: 0.5 }, leader],
      ['BAD_USER_INPUT', { ...target, amount: 61 }, leader],
      ['BAD_USER_INPUT', { ...target, unit: 'working-hours', amount: 501 }, leader],
      ['BAD_USER_INPUT', { ...target, unit: 'fortnights' }, leader],
      ['BAD_USER_INPUT', { ...target, channel: 'pigeon' }, leader],
      ['BAD_USER_INPUT', { ...target, category: 'Not A Code' }, leader],
    ] as const) {
      expect(await api.code(SAVE, { i: input }, who)).toBe(code);
      expectProblem(await put(who, input), code);
    }
    for (const body of [
      { ...target, amount: 1e20 },
      { ...target, amount: '7' },
      { ...target, clock: undefined },
      { ...target, colour: 'red' },
    ]) {
      expectProblem(await put(leader, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);

    expect(await api.code('{ slaPolicies { clock } }', {}, citizen)).toBe('FORBIDDEN');
    expectProblem(await api.http().get('/api/v1/queries/sla/policies').set('Authorization', citizen), 'FORBIDDEN');
  });

  it('documents the routes in the OpenAPI document', async () => {
    expectDocumented(await api.openApi(), ['GET /api/v1/queries/sla/policies', 'PUT /api/v1/queries/sla/policies']);
  });
});
