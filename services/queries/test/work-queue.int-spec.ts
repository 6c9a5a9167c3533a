import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  caseStateChangedV1,
  documentReceivedV2,
  documentReceivedV1,
  documentReviewedV1,
  feeWaiverDecidedV1,
  feeWaiverRequestedV1,
  refundStatusChangedV1,
  refundStatusChangedV2,
  taskChangedV1,
} from '@ccsc/contracts';
import { bearer, eventually, publishEvent, testCaseReference } from '@ccsc/testing';
import { TaskDeadlineRun } from '../src/work/application/task-deadline-run';
import { enquiry, startQueriesApp } from './queries-app';

// Responses are checked field by field, so a loose type is enough here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ALWAYS = { days: EVERY_DAY, start: '00:00', end: '24:00' };
const TASK = 'id taskType queueId status assignedTo requiredSkills excludedOfficer dueAt calendarVersion';

describe('the work queue: tasks from events, allocated by team, skills, shift and capacity', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let leader: string;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    leader = await bearer('team-leader', { sub: 'leader-lee' });
    for (const sub of ['gwen', 'paul', 'ann', 'bea', 'cy', 'off', 'newcomer', 'carol', 'cara', 'cerys'])
      // ann and bea lead the finance team (below), in their tokens too.
      token[sub] = await bearer(sub === 'ann' || sub === 'bea' ? 'team-leader' : 'caseworker', { sub });
  });
  afterAll(() => close());

  const gql = async (query: string, variables: Record<string, unknown>, who: string) =>
    (
      await request(app.getHttpServer())
        .post('/graphql')
        .set('Authorization', who)
        .send({ query, variables })
        .expect(200)
    ).body as { data?: Loose; errors?: { message: string; extensions: Loose }[] };
  const ok = async (query: string, variables: Record<string, unknown>, who: string): Promise<Loose> => {
    const res = await gql(query, variables, who);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const refused = async (query: string, variables: Record<string, unknown>, who: string) => {
    const res = await gql(query, variables, who);
    return { code: res.errors?.[0]?.extensions.code, message: res.errors?.[0]?.message };
  };
  const SAVE = 'mutation($i: SaveOfficerInput!) { saveOfficer(input: $i) { userId skills } }';
  /** A whole officer profile, as SaveOfficerInput takes it. */
  const officerInput = (userId: string, over: Record<string, unknown> = {}) => ({
    i: {
      userId,
      name: userId,
      role: 'caseworker',
      teams: [],
      skills: [],
      capacity: 20,
      shift: ALWAYS,
      leave: [],
      active: true,
      ...over,
    },
  });
  const profile = (userId: string, teams: string[], skills: string[], extra: Record<string, unknown> = {}) =>
    ok(SAVE, officerInput(userId, { teams, skills, ...extra }), leader);
  const NEXT = `mutation { takeNextTask { ${TASK} } }`;
  const tasksOf = async (sourceKey: string) =>
    (await dataSource.query('SELECT id, status, assigned_to FROM work_tasks WHERE source_key = $1', [
      sourceKey,
    ])) as Loose[];
  /** The id of the one task an event just made for a piece of work, once the consumer has made it. */
  const madeTask = async (sourceKey: string): Promise<string> => {
    await eventually(async () => expect(await tasksOf(sourceKey)).toHaveLength(1));
    return (await tasksOf(sourceKey))[0]!.id as string;
  };

  beforeAll(async () => {
    await profile('gwen', ['probate'], ['probate', 'welsh']);
    await profile('paul', ['probate'], ['probate']);
    // The finance team's leaders: approving a refund is a team leader's (payments' REFUND_APPROVERS).
    await profile('ann', ['finance'], ['money-authority-1'], { role: 'team-leader' });
    await profile('bea', ['finance'], ['money-authority-2'], { role: 'team-leader' });
    await profile('off', ['probate'], ['probate', 'welsh'], { shift: { days: [], start: '09:00', end: '17:00' } });
  });

  it('makes one review task of a Welsh bulk-scanned probate document, for a Welsh-speaking probate officer on shift only', async () => {
    const caseId = randomUUID();
    const documentId = randomUUID();
    const data = {
      caseId,
      documentId,
      documentType: 'will',
      channel: 'bulk-scan',
      status: 'pending-review',
      language: 'cy' as const,
      caseType: 'probate',
    };
    const received = await publishEvent(documentReceivedV2, caseId, data);
    await eventually(async () => expect(await tasksOf(documentId)).toHaveLength(1));
    // Delivered again (a redelivery, or a replay): still one task.
    await publishEvent(documentReceivedV2, caseId, data, { id: received.id });
    await publishEvent(documentReceivedV2, caseId, data);

    const [task] = (await ok('query($q: String) { tasks(queueId: $q) { ' + TASK + ' } }', { q: 'probate' }, token.gwen))
      .tasks as Loose[];
    expect(task).toMatchObject({
      taskType: 'review-document',
      queueId: 'probate',
      status: 'unassigned',
      requiredSkills: ['probate', 'welsh'],
    });
    expect(task.calendarVersion).toEqual(expect.any(String));
    expect(new Date(task.dueAt).toISOString()).toMatch(/T1[56]:00:00\.000Z$/); // 16:00 London time

    expect((await ok(NEXT, {}, token.paul)).takeNextTask).toBeNull();
    expect(await refused(NEXT, {}, token.off)).toEqual({ code: 'CONFLICT', message: 'You are not on shift' });
    expect(await refused(NEXT, {}, token.newcomer)).toMatchObject({ code: 'CONFLICT' });
    expect(await refused('mutation($id: ID!) { claimTask(taskId: $id) { id } }', { id: task.id }, token.paul)).toEqual({
      code: 'FORBIDDEN',
      message: 'You are without the welsh skill',
    });
    expect(
      await refused(
        'mutation($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
        { i: { taskId: task.id, officer: 'paul' } },
        leader,
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'paul is without the welsh skill',
    });

    const taken = (await ok(NEXT, {}, token.gwen)).takeNextTask;
    expect(taken).toMatchObject({ id: task.id, status: 'assigned', assignedTo: 'gwen' });
    expect((await ok('{ myTasks { id } }', {}, token.gwen)).myTasks).toEqual([{ id: task.id }]);

    await publishEvent(documentReviewedV1, caseId, { caseId, documentId, decision: 'accepted' });
    await eventually(async () =>
      expect((await tasksOf(documentId))[0]).toMatchObject({ status: 'completed', assigned_to: null }),
    );
    // Each change is in the task's history, and each went out as a task-changed event (the relay may
    // have sent and cleared the earlier ones already).
    const history = (await dataSource.query('SELECT kind FROM work_task_history WHERE task_id = $1 ORDER BY id', [
      task.id,
    ])) as Loose[];
    expect(history.map((h) => h.kind)).toEqual(['created', 'claimed', 'completed']);
    const completed = (await dataSource.query(
      `SELECT envelope->'data' AS data FROM outbox WHERE type = $1 AND message_key = $2 AND envelope->'data'->>'change' = 'completed'`,
      [taskChangedV1.type, task.id],
    )) as Loose[];
    expect(completed[0]?.data).toMatchObject({
      taskId: task.id,
      queueId: 'probate',
      status: 'completed',
      previouslyAssignedTo: 'gwen',
      caseId,
    });
  });

  it('keeps the second step of money from the person who took the first, and asks authority for the amount', async () => {
    const refundId = randomUUID();
    // Raised by payments' consumer from a remedy bea agreed: the envelope's actor is the system, the proposer bea.
    await publishEvent(refundStatusChangedV2, refundId, {
      refundId,
      status: 'awaiting-approval',
      kind: 'consolatory-payment',
      amountPence: 150_000,
      requestedBy: 'bea',
    });
    const id = await madeTask(refundId);
    const CLAIM = 'mutation($id: ID!) { claimTask(taskId: $id) { assignedTo } }';
    expect((await refused(CLAIM, { id }, token.bea)).message).toBe(
      'You are the one who did the first step, and this needs a second person',
    );
    expect((await refused(CLAIM, { id }, token.ann)).message).toBe('You are without the money-authority-2 skill');
    await profile('ann', ['finance'], ['money-authority-2'], { role: 'team-leader' });
    expect((await ok(CLAIM, { id }, token.ann)).claimTask.assignedTo).toBe('ann');
  });

  it('reads the older versions a producer not yet upgraded still publishes, giving no one more than before', async () => {
    const refundId = randomUUID();
    await publishEvent(
      refundStatusChangedV1,
      refundId,
      { refundId, status: 'awaiting-approval', kind: 'refund', amountPence: 2_000 },
      { actor: 'ann' },
    );
    const refundTask = await madeTask(refundId);
    const TASK_BY_ID = 'query($id: ID!) { task(id: $id) { taskType queueId excludedOfficer requiredSkills } }';
    expect((await ok(TASK_BY_ID, { id: refundTask }, leader)).task).toEqual({
      taskType: 'approve-refund',
      queueId: 'payments',
      excludedOfficer: 'ann',
      requiredSkills: ['money-authority-1'],
    });
    const caseId = randomUUID();
    const documentId = randomUUID();
    await publishEvent(documentReceivedV1, caseId, {
      caseId,
      documentId,
      documentType: 'form',
      channel: 'post',
      status: 'pending-review',
    });
    const documentTask = await madeTask(documentId);
    expect((await ok(TASK_BY_ID, { id: documentTask }, leader)).task).toEqual({
      taskType: 'review-document',
      queueId: 'general',
      excludedOfficer: null,
      requiredSkills: [],
    });
  });

  it("makes a fee waived as a complaint's remedy a task for a second person, closed by its decision", async () => {
    const waiverId = randomUUID();
    const caseId = randomUUID();
    await publishEvent(feeWaiverRequestedV1, waiverId, {
      waiverId,
      caseId,
      complaintId: randomUUID(),
      feeCode: 'FEE0209',
      amountPence: 16_300,
      requestedBy: 'bea',
    });
    const id = await madeTask(waiverId);
    const CLAIM = 'mutation($id: ID!) { claimTask(taskId: $id) { taskType queueId excludedOfficer assignedTo } }';
    expect((await refused(CLAIM, { id }, token.bea)).code).toBe('FORBIDDEN');
    expect((await ok(CLAIM, { id }, token.ann)).claimTask).toEqual({
      taskType: 'approve-fee-waiver',
      queueId: 'payments',
      excludedOfficer: 'bea',
      assignedTo: 'ann',
    });
    await publishEvent(feeWaiverDecidedV1, waiverId, { waiverId, caseId, decision: 'approved', remittedPence: 16_300 });
    await eventually(async () => expect((await tasksOf(waiverId))[0]?.status).toBe('completed'));
  });

  it('auto-assigns in a queue set to, to the least-loaded officer who may take it, never the first person', async () => {
    await ok('mutation { setQueueAutoAssign(queueId: "payments", autoAssign: true) }', {}, leader);
    const refundId = randomUUID();
    await publishEvent(
      refundStatusChangedV2,
      refundId,
      { refundId, status: 'awaiting-approval', kind: 'refund', amountPence: 5_000, requestedBy: 'ann' },
      { actor: 'ann' },
    );
    await eventually(async () => expect((await tasksOf(refundId))[0]?.assigned_to).toBe('bea'));
    await ok('mutation { setQueueAutoAssign(queueId: "payments", autoAssign: false) }', {}, leader);
  });

  const documentData = (caseId: string, documentId: string) => ({
    caseId,
    documentId,
    documentType: 'form',
    channel: 'post',
    status: 'pending-review',
    language: 'en' as const,
    caseType: 'probate',
  });

  it("cancels a withdrawn case's document reviews, and leaves the refund it needs to pay back", async () => {
    const caseId = randomUUID();
    const documentId = randomUUID();
    const refundId = randomUUID();
    await publishEvent(documentReceivedV2, caseId, documentData(caseId, documentId));
    const refund = { refundId, status: 'awaiting-approval', kind: 'refund', amountPence: 5_000, caseId } as const;
    await publishEvent(refundStatusChangedV2, refundId, { ...refund, requestedBy: 'ann' });
    await eventually(async () => {
      expect(await tasksOf(documentId)).toHaveLength(1);
      expect(await tasksOf(refundId)).toHaveLength(1);
    });
    await publishEvent(caseStateChangedV1, caseId, {
      caseId,
      reference: testCaseReference(),
      event: 'withdraw',
      from: 'Submitted',
      to: 'Withdrawn',
    });
    await eventually(async () => expect((await tasksOf(documentId))[0].status).toBe('cancelled'));
    expect((await tasksOf(refundId))[0].status).toBe('unassigned');
  });

  it('makes no task for work an earlier-applied event already ended', async () => {
    const caseId = randomUUID();
    const [late, marker] = [randomUUID(), randomUUID()];
    const minuteAgo = new Date(Date.now() - 60_000);
    // The review is applied first (a dead letter of the receipt replayed later, say)...
    await publishEvent(documentReviewedV1, caseId, { caseId, documentId: late, decision: 'accepted' });
    // ...then the receipt, made a minute before it: the work is done, so no task.
    await publishEvent(documentReceivedV2, caseId, documentData(caseId, late), { time: minuteAgo });
    // A later document on the same case travels behind both, so once its task is there they were applied.
    await publishEvent(documentReceivedV2, caseId, documentData(caseId, marker));
    await eventually(async () => expect(await tasksOf(marker)).toHaveLength(1));
    expect(await tasksOf(late)).toEqual([]);
    // The deadline run forgets endings 90 days on, and not before.
    const ending = `SELECT 1 FROM work_task_endings WHERE source_key = $1`;
    await app.get(TaskDeadlineRun).run(new Date(Date.now() + 89 * 86_400_000));
    expect(await dataSource.query(ending, [late])).toHaveLength(1);
    await app.get(TaskDeadlineRun).run(new Date(Date.now() + 91 * 86_400_000));
    expect(await dataSource.query(ending, [late])).toHaveLength(0);
    await app.get(TaskDeadlineRun).run(); // the flags as they are today, for the tests after this one
  });

  it('keeps a reason of up to 1,000 characters in the history', async () => {
    const caseId = randomUUID();
    const documentId = randomUUID();
    await publishEvent(documentReceivedV2, caseId, documentData(caseId, documentId));
    await eventually(async () => expect(await tasksOf(documentId)).toHaveLength(1));
    const [{ id }] = await tasksOf(documentId);
    const reason = 'r'.repeat(1000);
    await ok(
      'mutation($i: TaskReasonInput!) { escalateTask(input: $i) { id } }',
      { i: { taskId: id, reason } },
      leader,
    );
    const [kept] = (await dataSource.query(
      `SELECT reason FROM work_task_history WHERE task_id = $1 AND kind = 'escalated'`,
      [id],
    )) as Loose[];
    expect(kept.reason).toBe(reason);
  });

  it('moves 200 open tasks of an officer going on leave only to receivers skilled for each, within their capacity', async () => {
    await profile('cy', ['probate'], ['probate', 'welsh'], { capacity: 300 });
    await profile('paul', ['probate'], ['probate'], { capacity: 50 });
    await profile('gwen', ['probate'], ['probate', 'welsh'], { capacity: 40 });
    await dataSource.query(
      `INSERT INTO work_tasks (id, task_type, source_key, name, queue_id, team, required_role, required_skills, status,
         assigned_to, assigned_at, major_priority, minor_priority, priority_date, due_at, calendar_version, created_by_event, created_at)
       SELECT gen_random_uuid(), 'review-document', 'bulk-' || n, 'Review', 'probate', 'probate', 'caseworker',
         CASE WHEN n % 2 = 0 THEN ARRAY['probate', 'welsh'] ELSE ARRAY['probate'] END, 'assigned', 'cy', now(),
         5000, 500, now() - n * interval '1 minute', now() + interval '2 days', 'test', gen_random_uuid(), now()
       FROM generate_series(1, 200) n`,
    );
    const before = (await dataSource.query(
      `SELECT assigned_to, count(*)::int AS n FROM work_tasks WHERE status = 'assigned' GROUP BY 1`,
    )) as Loose[];
    const held = (who: string) => before.find((r) => r.assigned_to === who)?.n ?? 0;
    const moved = await ok(
      'mutation($i: ReassignOfficerTasksInput!) { reassignOfficerTasks(input: $i) { reassigned returnedToQueue } }',
      { i: { fromOfficer: 'cy', toOfficers: ['paul', 'gwen'], reason: 'annual leave' } },
      leader,
    );
    const after = (await dataSource.query(
      `SELECT t.assigned_to, count(*)::int AS n, bool_and(t.required_skills <@ o.skills) AS skilled
       FROM work_tasks t JOIN work_officers o ON o.user_id = t.assigned_to
       WHERE t.status = 'assigned' AND t.source_key LIKE 'bulk-%' GROUP BY 1`,
    )) as Loose[];
    for (const row of after) expect(row.skilled).toBe(true);
    const now = (who: string) => (after.find((r) => r.assigned_to === who)?.n ?? 0) + held(who);
    expect(now('paul')).toBeLessThanOrEqual(50);
    expect(now('gwen')).toBeLessThanOrEqual(40);
    expect(after.find((r) => r.assigned_to === 'cy')).toBeUndefined();
    expect(moved.reassignOfficerTasks.reassigned + moved.reassignOfficerTasks.returnedToQueue).toBe(200);
    expect(moved.reassignOfficerTasks.returnedToQueue).toBeGreaterThan(0);
    expect(
      (
        await dataSource.query(
          `SELECT count(*)::int AS n FROM work_tasks WHERE source_key LIKE 'bulk-%' AND status = 'unassigned'`,
        )
      )[0].n,
    ).toBe(moved.reassignOfficerTasks.returnedToQueue);
  });

  it('flags overdue tasks in one run, and reports workload per team, officer and task type', async () => {
    await dataSource.query(`UPDATE work_tasks SET due_at = now() - interval '1 hour' WHERE source_key LIKE 'bulk-1%'`);
    const run = (await ok('mutation { runTaskDeadlines { overdue atRisk } }', {}, leader)).runTaskDeadlines;
    expect(run.overdue).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    const figures = (
      await ok(
        'query($f: String!, $t: String!) { workFigures(from: $f, to: $t) { by key open overdue completed } }',
        { f: today, t: today },
        leader,
      )
    ).workFigures as Loose[];
    expect(figures.find((f) => f.by === 'team' && f.key === 'probate')).toMatchObject({ overdue: run.overdue });
    expect(figures.find((f) => f.by === 'task-type' && f.key === 'review-document')!.completed).toBeGreaterThanOrEqual(
      1,
    );
    expect((await refused('mutation { runTaskDeadlines { overdue } }', {}, token.paul)).code).toBe('FORBIDDEN');
  });

  it('refuses bad input as BAD_USER_INPUT and changes nothing', async () => {
    const bad = [
      [SAVE, officerInput('x', { teams: ['probate'], skills: ['klingon'] })],
      [SAVE, officerInput('x', { teams: ['nowhere'] })],
      [SAVE, officerInput('x', { shift: { days: [], start: '17:00', end: '09:00' } })],
      [SAVE, officerInput('x', { leave: [{ firstDay: '2026-02-30', lastDay: '2026-03-01' }] })],
      [SAVE, officerInput('x', { leave: [{ firstDay: '2026-03-02', lastDay: '2026-03-01' }] })],
      [
        SAVE,
        officerInput('x', {
          leave: [
            { firstDay: '2026-03-01', lastDay: '2026-03-05' },
            { firstDay: '2026-03-01', lastDay: '2026-03-01' },
          ],
        }),
      ],
      ['query($s: String) { tasks(status: $s) { id } }', { s: 'lost' }],
      ['query($c: ID) { tasks(caseId: $c) { id } }', { c: 'not-a-uuid' }],
      [
        'mutation($i: TaskReasonInput!) { escalateTask(input: $i) { id } }',
        { i: { taskId: randomUUID(), reason: ' ' } },
      ],
    ] as const;
    for (const [query, variables] of bad)
      expect((await refused(query, variables as Loose, leader)).code).toBe('BAD_USER_INPUT');
    expect(await dataSource.query(`SELECT 1 FROM work_officers WHERE user_id = 'x'`)).toHaveLength(0);
  });

  it('gives a Welsh-language enquiry only to an officer with the welsh skill', async () => {
    // Enquiries wait in the contact centre's and the Welsh-language team's queues.
    const enquiryTeams = ['probate', 'contact-centre', 'welsh-language'];
    await profile('gwen', enquiryTeams, ['probate', 'welsh'], { capacity: 500 });
    await profile('paul', enquiryTeams, ['probate'], { capacity: 500 });
    const raised = await request(app.getHttpServer())
      .post('/api/v1/queries/enquiries')
      .set('Authorization', token.paul)
      .send(enquiry({ channel: 'telephone', language: 'cy' }))
      .expect(201);
    const CLAIM = 'mutation($id: ID!) { claimEnquiry(enquiryId: $id) { assignedTo } }';
    expect(await refused(CLAIM, { id: raised.body.id }, token.paul)).toEqual({
      code: 'FORBIDDEN',
      message: 'You are without the welsh skill, which a Welsh-language enquiry needs',
    });
    expect((await refused('mutation { takeNextEnquiry(queueId: "welsh") { id } }', {}, token.paul)).code).toBe(
      'FORBIDDEN',
    );
    expect((await ok(CLAIM, { id: raised.body.id }, token.gwen)).claimEnquiry.assignedTo).toBe('gwen');
  });

  it('passes over a Welsh-language enquiry at the head of a queue for an officer without Welsh', async () => {
    const raise = async (language: 'en' | 'cy') =>
      (
        await request(app.getHttpServer())
          .post('/api/v1/queries/enquiries')
          .set('Authorization', token.paul)
          .send(enquiry({ channel: 'telephone', language }))
          .expect(201)
      ).body.id as string;
    const [welsh, english] = [await raise('cy'), await raise('en')];
    // Both wait in the general queue, the Welsh one first.
    await dataSource.query(
      `UPDATE enquiries SET queue_id = 'general', assigned_to = NULL,
         major_priority = CASE WHEN id = $1 THEN 1 ELSE 2 END WHERE id IN ($1, $2)`,
      [welsh, english],
    );
    const NEXT_ENQUIRY = 'mutation { takeNextEnquiry(queueId: "general") { id } }';
    expect((await ok(NEXT_ENQUIRY, {}, token.paul)).takeNextEnquiry).toEqual({ id: english });
    expect((await ok(NEXT_ENQUIRY, {}, token.gwen)).takeNextEnquiry).toEqual({ id: welsh });
  });

  describe('enquiries as tasks of the one queue', () => {
    const raise = async (over: Record<string, unknown> = {}) =>
      (
        await request(app.getHttpServer())
          .post('/api/v1/queries/enquiries')
          .set('Authorization', token.paul)
          .send(
            enquiry({ channel: 'telephone', subject: 'Opening hours', message: 'When is the counter open?', ...over }),
          )
          .expect(201)
      ).body as Loose;
    const taskOf = async (enquiryId: string) =>
      (await ok(`query($k: String!) { tasks(sourceKey: $k) { ${TASK} requiredRole } }`, { k: enquiryId }, leader))
        .tasks as Loose[];
    const enquiryOf = async (id: string) =>
      (await ok('query($id: ID!) { enquiry(id: $id) { status assignedTo escalatedTo } }', { id }, leader))
        .enquiry as Loose;

    beforeAll(async () => {
      await profile('carol', ['contact-centre'], []);
      await profile('cara', ['contact-centre'], []);
      await profile('cerys', ['welsh-language'], ['welsh']);
    });

    it('makes each enquiry a task, due with its SLA, and keeps the two in step whichever way it is taken', async () => {
      const raised = await raise();
      const [task] = await taskOf(raised.id);
      expect(task).toMatchObject({
        taskType: 'answer-enquiry',
        queueId: 'general',
        status: 'unassigned',
        assignedTo: null,
        requiredSkills: [],
      });
      const clockDue = Math.min(
        ...(raised.sla as Loose[]).filter((c) => c.dueAt).map((c) => Date.parse(c.dueAt as string)),
      );
      expect(Date.parse(task!.dueAt as string)).toBe(clockDue);

      // Taken through the work queue: the enquiry is the officer's.
      const claimed = await ok(
        'mutation($id: ID!) { claimTask(taskId: $id) { status assignedTo } }',
        { id: task!.id },
        token.carol,
      );
      expect(claimed.claimTask).toEqual({ status: 'assigned', assignedTo: 'carol' });
      expect(await enquiryOf(raised.id)).toMatchObject({ status: 'assigned', assignedTo: 'carol' });

      // Handed back through the enquiry's own route: the task is back in its queue.
      await request(app.getHttpServer())
        .post(`/api/v1/queries/enquiries/${raised.id}/unassignment`)
        .set('Authorization', token.carol)
        .send({ reason: 'needs the civil team' })
        .expect((res) => expect(res.status).toBeLessThan(300));
      expect((await taskOf(raised.id))[0]).toMatchObject({ status: 'unassigned', assignedTo: null });

      // A team leader gives it through the work queue; escalated, it waits for a team leader only.
      await ok(
        'mutation($i: AssignTaskInput!) { assignTask(input: $i) { assignedTo } }',
        { i: { taskId: task!.id, officer: 'cara' } },
        leader,
      );
      expect(await enquiryOf(raised.id)).toMatchObject({ status: 'assigned', assignedTo: 'cara' });
      await ok(
        'mutation($i: TaskReasonInput!) { escalateTask(input: $i) { status requiredRole } }',
        { i: { taskId: task!.id, reason: 'the caller asks for a manager' } },
        token.cara,
      );
      expect(await enquiryOf(raised.id)).toMatchObject({
        status: 'escalated',
        escalatedTo: 'team-leader',
        assignedTo: null,
      });
      expect((await taskOf(raised.id))[0]).toMatchObject({ status: 'unassigned', requiredRole: 'team-leader' });
      expect(
        (await refused('mutation($id: ID!) { claimTask(taskId: $id) { id } }', { id: task!.id }, token.carol)).code,
      ).toBe('FORBIDDEN');

      // Resolved, its task is complete, and its history says so.
      await request(app.getHttpServer())
        .post(`/api/v1/queries/enquiries/${raised.id}/status`)
        .set('Authorization', leader)
        .send({ status: 'resolved', reason: 'answered on the phone' })
        .expect((res) => expect(res.status).toBeLessThan(300));
      expect(await taskOf(raised.id)).toEqual([]);
      const [row] = (await dataSource.query(`SELECT status FROM work_tasks WHERE id = $1`, [task!.id])) as Loose[];
      expect(row!.status).toBe('completed');
      const kinds = (
        (await dataSource.query(`SELECT kind FROM work_task_history WHERE task_id = $1 ORDER BY id`, [
          task!.id,
        ])) as Loose[]
      ).map((r) => r.kind);
      expect(kinds).toEqual(['created', 'claimed', 'released', 'assigned', 'escalated', 'completed']);
    });

    it('gives a Welsh enquiry through "next task" only to a Welsh-speaking officer of its team, and counts it against capacity', async () => {
      const welsh = await raise({ language: 'cy' });
      const [task] = await taskOf(welsh.id);
      expect(task).toMatchObject({ queueId: 'welsh', requiredSkills: ['welsh'] });
      expect(
        (await refused('mutation($id: ID!) { claimTask(taskId: $id) { id } }', { id: task!.id }, token.carol)).code,
      ).toBe('FORBIDDEN');
      await profile('cerys', ['welsh-language'], ['welsh'], { capacity: 1 });
      const next = await ok(NEXT, {}, token.cerys);
      expect(next.takeNextTask).toMatchObject({ id: task!.id, assignedTo: 'cerys' });
      expect(await enquiryOf(welsh.id)).toMatchObject({ status: 'assigned', assignedTo: 'cerys' });
      // At capacity with the enquiry: nothing more goes to her.
      await raise({ language: 'cy' });
      expect((await refused(NEXT, {}, token.cerys)).message).toMatch(/at capacity/);
    });

    const historyOf = async (taskId: string) =>
      (await dataSource.query(`SELECT kind, actor, reason FROM work_task_history WHERE task_id = $1 ORDER BY id`, [
        taskId,
      ])) as Loose[];

    it("auto-assigns a citizen's new enquiry in a queue set to, on the enquiry and its task alike, as the system", async () => {
      await ok('mutation { setQueueAutoAssign(queueId: "general", autoAssign: true) }', {}, leader);
      try {
        const raised = (
          await request(app.getHttpServer())
            .post('/api/v1/queries/enquiries')
            .set('Authorization', await bearer('citizen', { sub: 'citizen-cai' }))
            .send(enquiry({ channel: 'online-form', subject: 'Opening hours', message: 'When is the counter open?' }))
            .expect(201)
        ).body as Loose;
        expect(raised).toMatchObject({ status: 'assigned' });
        const { assignedTo } = await enquiryOf(raised.id as string);
        expect(['carol', 'cara']).toContain(assignedTo);
        const [task] = await taskOf(raised.id);
        expect(task).toMatchObject({ status: 'assigned', assignedTo });
        expect(await historyOf(task!.id as string)).toEqual([
          { kind: 'created', actor: 'system', reason: null },
          { kind: 'assigned', actor: 'system', reason: 'auto-assigned' },
        ]);
      } finally {
        await ok('mutation { setQueueAutoAssign(queueId: "general", autoAssign: false) }', {}, leader);
      }
    });

    it("keeps a team leader's escalated enquiry from a caseworker on the enquiry's own route too", async () => {
      const raised = await raise();
      const escalate = await request(app.getHttpServer())
        .post(`/api/v1/queries/enquiries/${raised.id}/escalation`)
        .set('Authorization', token.carol)
        .send({ to: 'team-leader', reason: 'the caller asks for a manager' });
      expect(escalate.status).toBeLessThan(300);
      const given = await request(app.getHttpServer())
        .post(`/api/v1/queries/enquiries/${raised.id}/assignment`)
        .set('Authorization', leader)
        .send({ officer: 'cara' });
      expect(given.status).toBe(403);
      expect(given.body.detail).toBe('cara is not a team leader');
      expect(await enquiryOf(raised.id)).toMatchObject({ status: 'escalated', assignedTo: null });
    });

    it('moves the task with its enquiry when triage sends it to another queue, live and in its history', async () => {
      const raised = await raise();
      const [task] = await taskOf(raised.id);
      await ok(
        'mutation($i: TriageEnquiryInput!) { triageEnquiry(input: $i) { queueId } }',
        {
          i: { enquiryId: raised.id, queueId: 'family', priority: 'urgent', articleIds: [], reason: 'about a divorce' },
        },
        leader,
      );
      expect((await taskOf(raised.id))[0]).toMatchObject({ id: task!.id, queueId: 'family', status: 'unassigned' });
      expect((await historyOf(task!.id as string)).map((h) => h.kind)).toEqual(['created', 'moved']);
      const [moved] = (await dataSource.query(
        `SELECT envelope->'data' AS data FROM outbox WHERE type = $1 AND message_key = $2 ORDER BY position DESC LIMIT 1`,
        [taskChangedV1.type, task!.id],
      )) as Loose[];
      expect(moved!.data).toMatchObject({ change: 'moved', queueId: 'family' });
    });

    it('puts right, and passes over, a task left out of step with its enquiry instead of failing "next task"', async () => {
      const raised = await raise();
      const [task] = await taskOf(raised.id);
      // Resolved by a write that did not keep the task (a replica of an older release, a repair by hand).
      await dataSource.query(`UPDATE enquiries SET status = 'resolved' WHERE id = $1`, [raised.id]);
      await dataSource.query(`UPDATE work_tasks SET major_priority = 1 WHERE id = $1`, [task!.id]); // first in line
      await profile('cara', ['contact-centre'], [], { capacity: 500 });
      const next = await ok(NEXT, {}, token.cara);
      expect(next.takeNextTask?.id).not.toBe(task!.id);
      const [row] = (await dataSource.query(`SELECT status FROM work_tasks WHERE id = $1`, [task!.id])) as Loose[];
      expect(row!.status).toBe('completed');
    });

    /** A new enquiry, claimed through the work queue by a contact-centre officer with room for it. */
    const claimedBy = async (officer: string) => {
      await profile(officer, ['contact-centre'], [], { capacity: 500 });
      const raised = await raise();
      const CLAIM = 'mutation($id: ID!) { claimTask(taskId: $id) { id } }';
      await ok(CLAIM, { id: (await taskOf(raised.id))[0]!.id }, token[officer]!);
      return raised;
    };

    it("moves an officer's enquiries with the rest of their work when they go on leave, on the enquiries too", async () => {
      const raised = await claimedBy('carol');
      const moved = await ok(
        'mutation($i: ReassignOfficerTasksInput!) { reassignOfficerTasks(input: $i) { reassigned returnedToQueue } }',
        { i: { fromOfficer: 'carol', toOfficers: ['cara'], reason: 'annual leave' } },
        leader,
      );
      expect(moved.reassignOfficerTasks.reassigned).toBeGreaterThanOrEqual(1);
      expect(await enquiryOf(raised.id)).toMatchObject({ status: 'assigned', assignedTo: 'cara' });
      expect((await taskOf(raised.id))[0]).toMatchObject({ assignedTo: 'cara' });
    });

    it('sends an enquiry the customer reopens back to its queue when its officer can no longer take it', async () => {
      const raised = await claimedBy('cara');
      const status = (body: object) =>
        request(app.getHttpServer())
          .post(`/api/v1/queries/enquiries/${raised.id}/status`)
          .set('Authorization', leader)
          .send(body);
      expect((await status({ status: 'resolved', reason: 'answered' })).status).toBeLessThan(300);
      await profile('cara', ['contact-centre'], [], { capacity: 500, active: false });
      const wroteBack = await request(app.getHttpServer())
        .post(`/api/v1/queries/enquiries/${raised.id}/messages`)
        .set('Authorization', leader)
        .send({ direction: 'inbound', body: 'One more question, please' });
      expect(wroteBack.status).toBeLessThan(300);
      expect(await enquiryOf(raised.id)).toMatchObject({ status: 'triaged', assignedTo: null });
      expect((await taskOf(raised.id))[0]).toMatchObject({ status: 'unassigned', assignedTo: null });
      await profile('cara', ['contact-centre'], [], { capacity: 500 });
    });
  });
});
