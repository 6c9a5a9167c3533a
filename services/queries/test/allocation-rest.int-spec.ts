import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer } from '@ccsc/testing';
import { enquiry, knownCase, officerProfiles, startQueriesApp } from './queries-app';
import { expectDocumented, expectProblem, restAndGraphQL, type Loose } from './rest-parity';

const NOWHERE = '0b6f3f64-9d59-4c39-a4f5-8d2a4a6c2e11';

describe('work allocation over REST', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let api: ReturnType<typeof restAndGraphQL>;
  let officer1: string;
  let officer2: string;
  let leader: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    await officerProfiles(dataSource, ['officer-1', 'officer-2']);
    await officerProfiles(dataSource, ['leader-lee'], { role: 'team-leader' });
    api = restAndGraphQL(app, dataSource);
    [officer1, officer2, leader, citizen] = await Promise.all([
      bearer('caseworker', { sub: 'officer-1' }),
      bearer('caseworker', { sub: 'officer-2' }),
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
        .set('Authorization', officer1)
        .send(enquiry({ channel: 'telephone', subject: 'Question', message: 'A general question', ...overrides }))
        .expect(201)
    ).body.id;
  const get = (path: string, who: string) => api.http().get(path).set('Authorization', who);
  const post = (path: string, who: string, body: unknown = {}) =>
    api
      .http()
      .post(path)
      .set('Authorization', who)
      .send(body as object);

  it('lists the queues, a queue in next-task order and the workload as GraphQL does', async () => {
    const a = await raise({ receivedAt: '2026-04-13T09:00:00+01:00' });
    const b = await raise({ receivedAt: '2026-04-15T09:00:00+01:00', priority: 'urgent' });
    const c = await raise({ receivedAt: '2026-04-13T09:00:00+01:00', hearingRelated: true });
    await post(`/api/v1/queries/enquiries/${c}/claim`, officer2).expect(200);

    const queue = await get('/api/v1/queries/queues/general/enquiries?limit=10', officer1).expect(200);
    expect(queue.body.map((e: Loose) => e.id)).toEqual([b, a]);
    const graphql = await api.ok('{ workQueue(queueId: "general", first: 10) { id } }', {}, officer1);
    expect(graphql.workQueue.map((e: Loose) => e.id)).toEqual([b, a]);
    expect((await get('/api/v1/queries/queues/general/enquiries?limit=1', officer1).expect(200)).body).toHaveLength(1);

    const queues = await get('/api/v1/queries/queues', officer1).expect(200);
    expect(queues.body).toEqual((await api.ok('{ workQueues { id team name waiting } }', {}, officer1)).workQueues);
    expect(queues.body).toContainEqual(expect.objectContaining({ id: 'general', waiting: 2 }));

    const workload = await get('/api/v1/queries/workload', leader).expect(200);
    expect(workload.body).toEqual(
      (await api.ok('{ workload { officer open awaitingCustomer urgent } }', {}, leader)).workload,
    );
    expect(workload.body).toContainEqual({ officer: 'officer-2', open: 1, awaitingCustomer: 0, urgent: 0 });
  });

  it('refuses queue reads as GraphQL does, and bad input with 400 problem+json', async () => {
    expect(await api.code('{ workQueue(queueId: "nowhere") { id } }', {}, officer1)).toBe('NOT_FOUND');
    expectProblem(await get('/api/v1/queries/queues/nowhere/enquiries', officer1), 'NOT_FOUND');
    expect(await api.code('{ workQueue(queueId: "Not_A_Queue") { id } }', {}, officer1)).toBe('BAD_USER_INPUT');
    expectProblem(await get('/api/v1/queries/queues/Not_A_Queue/enquiries', officer1), 'BAD_USER_INPUT');
    for (const [operation, path] of [
      ['{ workQueues { id } }', '/api/v1/queries/queues'],
      ['{ workQueue(queueId: "general") { id } }', '/api/v1/queries/queues/general/enquiries'],
      ['{ workload { officer } }', '/api/v1/queries/workload'],
    ] as const) {
      expect(await api.code(operation, {}, citizen)).toBe('FORBIDDEN');
      expectProblem(await get(path, citizen), 'FORBIDDEN');
    }
    for (const limit of ['0', '101', 'ten', '1.5']) {
      expectProblem(await get(`/api/v1/queries/queues/general/enquiries?limit=${limit}`, officer1), 'BAD_USER_INPUT');
    }
    expectProblem(await get('/api/v1/queries/queues/general/enquiries?cursor=abc', officer1), 'BAD_USER_INPUT');
  });

  it('takes the next task of a queue, and answers 204 No Content when nothing waits', async () => {
    const urgent = await raise({ subject: 'Next', priority: 'urgent', receivedAt: '2026-04-10T09:00:00+01:00' });
    const taken = await post('/api/v1/queries/queues/general/next', officer1).expect(200);
    expect(taken.body).toMatchObject({ id: urgent, status: 'assigned', assignedTo: 'officer-1' });

    const before = await api.store();
    const empty = await post('/api/v1/queries/queues/crime/next', officer1).expect(204);
    expect(empty.text).toBe('');
    expect((await api.ok('mutation { takeNextEnquiry(queueId: "crime") { id } }', {}, officer1)).takeNextEnquiry).toBe(
      null,
    );
    for (const [code, queue, who] of [
      ['NOT_FOUND', 'nowhere', officer1],
      ['BAD_USER_INPUT', 'Not_A_Queue', officer1],
      ['FORBIDDEN', 'general', citizen],
    ] as const) {
      expect(await api.code(`mutation { takeNextEnquiry(queueId: "${queue}") { id } }`, {}, who)).toBe(code);
      expectProblem(await post(`/api/v1/queries/queues/${queue}/next`, who), code);
    }
    expect(await api.store()).toEqual(before);
  });

  it('honours Idempotency-Key on taking the next task: a retry gets the same enquiry, not another', async () => {
    const first = await raise({ subject: 'Retry', priority: 'urgent', receivedAt: '2026-04-01T09:00:00+01:00' });
    await raise({ subject: 'Retry too', priority: 'urgent', receivedAt: '2026-04-02T09:00:00+01:00' });
    const take = (queue: string) =>
      post(`/api/v1/queries/queues/${queue}/next`, officer1).set('Idempotency-Key', `take-${queue}`);
    const taken = await take('general').expect(200);
    expect(taken.body).toMatchObject({ id: first, assignedTo: 'officer-1' });
    const retried = await take('general').expect(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.id).toBe(first);

    await take('crime').expect(204);
    const again = await take('crime').expect(204);
    expect(again.text).toBe('');
  });

  it('claims, assigns, reassigns and unassigns, refusing as GraphQL does and changing nothing when it refuses', async () => {
    const id = await raise({ subject: 'Allocation' });
    const claimed = await post(`/api/v1/queries/enquiries/${id}/claim`, officer1).expect(200);
    expect(claimed.body).toMatchObject({ id, status: 'assigned', assignedTo: 'officer-1' });

    const CLAIM = 'mutation($id: ID!) { claimEnquiry(enquiryId: $id) { id } }';
    const ASSIGN = 'mutation($i: AssignEnquiryInput!) { assignEnquiry(input: $i) { id } }';
    const UNASSIGN = 'mutation($i: UnassignEnquiryInput!) { unassignEnquiry(input: $i) { id } }';
    const before = await api.store();
    const refusals: [string, string, Record<string, unknown>, string, string, Record<string, unknown>?][] = [
      ['CONFLICT', CLAIM, { id }, officer2, `/api/v1/queries/enquiries/${id}/claim`],
      ['NOT_FOUND', CLAIM, { id: NOWHERE }, officer2, `/api/v1/queries/enquiries/${NOWHERE}/claim`],
      ['FORBIDDEN', CLAIM, { id }, citizen, `/api/v1/queries/enquiries/${id}/claim`],
      [
        'FORBIDDEN',
        ASSIGN,
        { i: { enquiryId: id, officer: 'officer-2' } },
        officer1,
        `/api/v1/queries/enquiries/${id}/assignment`,
        { officer: 'officer-2' },
      ],
      [
        'CONFLICT',
        ASSIGN,
        { i: { enquiryId: id, officer: 'officer-1' } },
        leader,
        `/api/v1/queries/enquiries/${id}/assignment`,
        { officer: 'officer-1' },
      ],
      [
        'BAD_USER_INPUT',
        ASSIGN,
        { i: { enquiryId: id, officer: '   ' } },
        leader,
        `/api/v1/queries/enquiries/${id}/assignment`,
        { officer: '   ' },
      ],
      ['FORBIDDEN', UNASSIGN, { i: { enquiryId: id } }, officer2, `/api/v1/queries/enquiries/${id}/unassignment`, {}],
    ];
    for (const [code, operation, variables, who, path, body] of refusals) {
      expect(await api.code(operation, variables, who)).toBe(code);
      expectProblem(await post(path, who, body), code);
    }
    for (const [path, body] of [
      [`/api/v1/queries/enquiries/${id}/assignment`, {}],
      [`/api/v1/queries/enquiries/${id}/assignment`, { officer: 'x'.repeat(256) }],
      [`/api/v1/queries/enquiries/${id}/assignment`, { officer: 'officer-2', reason: '' }],
      [`/api/v1/queries/enquiries/${id}/assignment`, { officer: 'officer-2', enquiryId: id }],
      [`/api/v1/queries/enquiries/${id}/unassignment`, { reason: 'x'.repeat(1001) }],
      ['/api/v1/queries/enquiries/not-an-id/claim', {}],
      ['/api/v1/queries/enquiries/not-an-id/assignment', { officer: 'officer-2' }],
    ] as const) {
      expectProblem(await post(path, leader, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);

    const reassigned = await post(`/api/v1/queries/enquiries/${id}/assignment`, leader, {
      officer: 'officer-2',
      reason: 'officer-1 is off sick',
    }).expect(200);
    expect(reassigned.body).toMatchObject({ status: 'assigned', assignedTo: 'officer-2' });
    const unassigned = await post(`/api/v1/queries/enquiries/${id}/unassignment`, officer2, {
      reason: 'not mine',
    }).expect(200);
    expect(unassigned.body).toMatchObject({ status: 'triaged', assignedTo: null });
    expect(await api.code(UNASSIGN, { i: { enquiryId: id } }, officer2)).toBe('CONFLICT');
    expectProblem(await post(`/api/v1/queries/enquiries/${id}/unassignment`, officer2), 'CONFLICT');
    const assigned = await post(`/api/v1/queries/enquiries/${id}/assignment`, leader, { officer: 'officer-1' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assignedTo: 'officer-1' });
  });

  it('escalates with a reason, to a team leader or (for a case) the judicial team, refusing as GraphQL does', async () => {
    const loose = await raise({ subject: 'Escalation' });
    const ESCALATE = 'mutation($i: EscalateEnquiryInput!) { escalateEnquiry(input: $i) { id } }';
    const before = await api.store();
    for (const [code, input, who] of [
      ['CONFLICT', { to: 'judicial', reason: 'needs directions' }, officer1],
      ['BAD_USER_INPUT', { to: 'team-leader', reason: '   ' }, officer1],
      ['BAD_USER_INPUT', { to: 'the-king', reason: 'why not' }, officer1],
      ['FORBIDDEN', { to: 'team-leader', reason: 'please' }, citizen],
    ] as const) {
      expect(await api.code(ESCALATE, { i: { enquiryId: loose, ...input } }, who)).toBe(code);
      expectProblem(await post(`/api/v1/queries/enquiries/${loose}/escalation`, who, input), code);
    }
    for (const body of [{}, { to: 'team-leader' }, { to: 'team-leader', reason: 'x'.repeat(1001) }]) {
      expectProblem(await post(`/api/v1/queries/enquiries/${loose}/escalation`, officer1, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);

    const escalated = await post(`/api/v1/queries/enquiries/${loose}/escalation`, officer1, {
      to: 'team-leader',
      reason: 'caller is very distressed',
    }).expect(200);
    expect(escalated.body).toMatchObject({ status: 'escalated', escalatedTo: 'team-leader', assignedTo: null });
    // Escalated to a team leader, it is a team leader's to take.
    expectProblem(await post(`/api/v1/queries/enquiries/${loose}/claim`, officer2), 'FORBIDDEN');
    expect((await post(`/api/v1/queries/enquiries/${loose}/claim`, leader).expect(200)).body.assignedTo).toBe(
      'leader-lee',
    );

    const onCase = await raise({ caseId: await knownCase(dataSource) });
    const judicial = await post(`/api/v1/queries/enquiries/${onCase}/escalation`, officer1, {
      to: 'judicial',
      reason: 'asks for a hearing to be moved',
    }).expect(200);
    expect(judicial.body).toMatchObject({ status: 'escalated', escalatedTo: 'judicial', queueId: 'judicial' });
  });

  it('documents the routes in the OpenAPI document', async () => {
    expectDocumented(await api.openApi(), [
      'GET /api/v1/queries/queues',
      'GET /api/v1/queries/queues/{queueId}/enquiries',
      'GET /api/v1/queries/workload',
      'POST /api/v1/queries/queues/{queueId}/next',
      'POST /api/v1/queries/enquiries/{id}/claim',
      'POST /api/v1/queries/enquiries/{id}/assignment',
      'POST /api/v1/queries/enquiries/{id}/unassignment',
      'POST /api/v1/queries/enquiries/{id}/escalation',
    ]);
  });
});
