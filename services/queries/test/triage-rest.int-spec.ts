import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer } from '@ccsc/testing';
import { enquiry, officerProfiles, startQueriesApp } from './queries-app';
import { expectDocumented, expectProblem, restAndGraphQL } from './rest-parity';

const NOWHERE = '0b6f3f64-9d59-4c39-a4f5-8d2a4a6c2e11';

describe('triage over REST', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let api: ReturnType<typeof restAndGraphQL>;
  let officer: string;
  let leader: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    await officerProfiles(dataSource, ['officer-1']);
    await officerProfiles(dataSource, ['leader-lee'], { role: 'team-leader' });
    api = restAndGraphQL(app, dataSource);
    [officer, leader, citizen] = await Promise.all([
      bearer('caseworker', { sub: 'officer-1' }),
      bearer('team-leader', { sub: 'leader-lee' }),
      bearer('citizen', { sub: 'citizen-carys' }),
    ]);
  });
  afterAll(() => close());

  const raise = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (
      await api
        .http()
        .post('/api/v1/queries/enquiries')
        .set('Authorization', officer)
        .send(enquiry({ channel: 'telephone', subject: 'Question', message: 'A general question', ...overrides }))
        .expect(201)
    ).body.id;
  const send = (method: 'post' | 'put', path: string, who: string, body: unknown = {}) => {
    const http = api.http();
    return (method === 'put' ? http.put(path) : http.post(path)).set('Authorization', who).send(body as object);
  };

  const RULE_FIELDS = 'id position category keywords queueId priority articleIds active';
  const SAVE = `mutation($i: SaveTriageRuleInput!) { saveTriageRule(input: $i) { ${RULE_FIELDS} } }`;
  const TRIAGE = 'mutation($i: TriageEnquiryInput!) { triageEnquiry(input: $i) { id } }';

  it('lists the triage rules in the order they are tried, as GraphQL does', async () => {
    const rules = await api.http().get('/api/v1/queries/triage/rules').set('Authorization', officer).expect(200);
    expect(rules.body.length).toBeGreaterThan(0);
    expect(rules.body).toEqual((await api.ok(`{ triageRules { ${RULE_FIELDS} } }`, {}, officer)).triageRules);
    expect(await api.code('{ triageRules { id } }', {}, citizen)).toBe('FORBIDDEN');
    expectProblem(await api.http().get('/api/v1/queries/triage/rules').set('Authorization', citizen), 'FORBIDDEN');
  });

  it('adds a rule and changes it, which then routes new enquiries, refusing as GraphQL does', async () => {
    const rule = {
      position: 1,
      keywords: ['Interpreter'],
      queueId: 'welsh',
      priority: 'urgent',
      articleIds: [],
      active: true,
    };
    const before = await api.store();
    for (const [code, input, who] of [
      ['FORBIDDEN', rule, officer],
      ['BAD_USER_INPUT', { ...rule, keywords: [], category: null }, leader],
      ['BAD_USER_INPUT', { ...rule, queueId: 'nowhere' }, leader],
      ['BAD_USER_INPUT', { ...rule, articleIds: [NOWHERE] }, leader],
    ] as const) {
      expect(await api.code(SAVE, { i: input }, who)).toBe(code);
      expectProblem(await send('post', '/api/v1/queries/triage/rules', who, input), code);
    }
    for (const body of [
      { ...rule, position: -1 },
      { ...rule, position: 1.5 },
      { ...rule, keywords: ['x'.repeat(101)] },
      { ...rule, priority: 'whenever' },
      { ...rule, active: 'yes' },
      { ...rule, id: NOWHERE },
      { position: 1, keywords: ['interpreter'] },
    ]) {
      expectProblem(await send('post', '/api/v1/queries/triage/rules', leader, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);

    const added = await send('post', '/api/v1/queries/triage/rules', leader, rule).expect(201);
    expect(added.body).toEqual({ ...rule, id: expect.any(String), keywords: ['interpreter'], category: null });
    const routed = await raise({ subject: 'Cyfieithydd', message: 'I need an interpreter at my hearing' });
    expect(
      (await api.http().get(`/api/v1/queries/enquiries/${routed}`).set('Authorization', officer)).body,
    ).toMatchObject({
      queueId: 'welsh',
      priority: 'urgent',
    });

    const afterAdding = await api.store();
    for (const [code, id, input, who] of [
      ['FORBIDDEN', added.body.id, { ...rule, active: false }, officer],
      ['NOT_FOUND', NOWHERE, { ...rule, active: false }, leader],
      ['BAD_USER_INPUT', added.body.id, { ...rule, queueId: 'nowhere' }, leader],
    ] as const) {
      expect(await api.code(SAVE, { i: { ...input, id } }, who)).toBe(code);
      expectProblem(await send('put', `/api/v1/queries/triage/rules/${id}`, who, input), code);
    }
    expectProblem(await send('put', '/api/v1/queries/triage/rules/not-an-id', leader, rule), 'BAD_USER_INPUT');
    expectProblem(
      await send('put', `/api/v1/queries/triage/rules/${added.body.id}`, leader, { ...rule, id: added.body.id }),
      'BAD_USER_INPUT',
    );
    expect(await api.store()).toEqual(afterAdding);

    const changed = await send('put', `/api/v1/queries/triage/rules/${added.body.id}`, leader, {
      ...rule,
      active: false,
    }).expect(200);
    expect(changed.body).toMatchObject({ id: added.body.id, active: false });
    const rules = (await api.ok('{ triageRules { id active } }', {}, officer)).triageRules;
    expect(rules.filter((r: { id: string }) => r.id === added.body.id)).toEqual([{ id: added.body.id, active: false }]);
    const unrouted = await raise({ subject: 'Interpreter', message: 'interpreter please' });
    expect(
      (await api.http().get(`/api/v1/queries/enquiries/${unrouted}`).set('Authorization', officer)).body.queueId,
    ).toBe('general');
  });

  it('records a triage decision, and an override only with a reason, refusing as GraphQL does', async () => {
    const id = await raise({ subject: 'Help with fees', message: 'Can I get help with fees?' });
    const taken = await raise({ subject: 'Taken' });
    await send('post', `/api/v1/queries/enquiries/${taken}/claim`, officer).expect(200);
    const override = { queueId: 'civil', priority: 'urgent', articleIds: [] };
    const before = await api.store();
    for (const [code, enquiryId, input, who] of [
      ['BAD_USER_INPUT', id, override, officer],
      ['BAD_USER_INPUT', id, { ...override, queueId: 'nowhere', reason: 'x' }, officer],
      ['BAD_USER_INPUT', id, { ...override, articleIds: [NOWHERE], reason: 'x' }, officer],
      ['CONFLICT', taken, { ...override, reason: 'x' }, officer],
      ['NOT_FOUND', NOWHERE, { ...override, reason: 'x' }, officer],
      ['FORBIDDEN', id, { ...override, reason: 'x' }, citizen],
    ] as const) {
      expect(await api.code(TRIAGE, { i: { enquiryId, ...input } }, who)).toBe(code);
      expectProblem(await send('post', `/api/v1/queries/enquiries/${enquiryId}/triage`, who, input), code);
    }
    for (const body of [
      {},
      { ...override, priority: 'soon', reason: 'x' },
      { ...override, queueId: 'Civil Claims', reason: 'x' },
      { ...override, articleIds: ['not-an-id'], reason: 'x' },
      { ...override, reason: 'x'.repeat(1001) },
      { ...override, reason: 'x', enquiryId: id },
    ]) {
      expectProblem(await send('post', `/api/v1/queries/enquiries/${id}/triage`, officer, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);

    const decided = await send('post', `/api/v1/queries/enquiries/${id}/triage`, officer, {
      ...override,
      reason: 'it is about a claim fee',
    }).expect(200);
    expect(decided.body).toMatchObject({ id, queueId: 'civil', priority: 'urgent', majorPriority: 2000 });
    const decisions = await api.ok(
      'query($id: ID!) { enquiry(id: $id) { triageDecisions { queueId suggestedQueueId overridden reason actor } } }',
      { id },
      officer,
    );
    expect(decisions.enquiry.triageDecisions).toEqual([
      { queueId: 'fees', suggestedQueueId: 'fees', overridden: false, reason: null, actor: 'system' },
      {
        queueId: 'civil',
        suggestedQueueId: 'fees',
        overridden: true,
        reason: 'it is about a claim fee',
        actor: 'officer-1',
      },
    ]);
  });

  it('documents the routes in the OpenAPI document', async () => {
    expectDocumented(await api.openApi(), [
      'GET /api/v1/queries/triage/rules',
      'POST /api/v1/queries/triage/rules',
      'PUT /api/v1/queries/triage/rules/{id}',
      'POST /api/v1/queries/enquiries/{id}/triage',
    ]);
  });
});
