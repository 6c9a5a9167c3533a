import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { bearer, nextWithin } from '@ccsc/testing';
import { RunningPlatform, startTestPlatform } from './platform';
import { sendUntypedGraphQL } from './graphql-client';

type Change = { change: string; task: Record<string, unknown> & { id: string } };
type Result = FormattedExecutionResult<Record<string, Change>, unknown>;

const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SAVE = 'mutation($i: SaveOfficerInput!) { saveOfficer(input: $i) { userId } }';
const CHANGE = 'change task { id taskType queueId status assignedTo requiredSkills }';

// Issue 22's journey through the gateway: a bulk-scanned Welsh-language document on a probate case makes
// one review task in the probate queue; a probate officer without Welsh is not given it, a Welsh-speaking
// one on shift is; accepting the document completes it; subscribers hear of each change within a second.
describe('the work queue through the gateway', () => {
  let platform: RunningPlatform;
  let leader: string;
  let gwen: string;
  let paul: string;
  let caseworker: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    [leader, gwen, paul, caseworker] = await Promise.all([
      bearer('team-leader', { sub: 'wq-leader' }),
      bearer('caseworker', { sub: 'wq-gwen' }),
      bearer('caseworker', { sub: 'wq-paul' }),
      bearer('caseworker', { sub: 'wq-registry' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await platform.stop();
  });

  const call = async (query: string, variables: Record<string, unknown>, who: string) =>
    (await sendUntypedGraphQL(platform.gatewayUrl, query, variables, who)).body;
  const ok = async (query: string, variables: Record<string, unknown>, who: string) => {
    const body = await call(query, variables, who);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const subscribe = (who: string, query: string, variables: Record<string, unknown> = {}) => {
    const client = createClient({
      url: `${platform.gatewayUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: who },
      retryAttempts: 0,
    });
    clients.push(client);
    return client.iterate<Record<string, Change>>({ query, variables });
  };
  /** The next change a subscriber receives, and how long after `since` it came. */
  const nextChange = async (changes: AsyncIterator<Result>, field: string, since: number) => {
    const next = await nextWithin(changes, 10_000);
    expect(next).not.toBe('nothing');
    return { ...(next as Result).data![field]!, after: Date.now() - since };
  };

  it('routes, allocates by skill and completes a Welsh probate document review, live', async () => {
    const profile = (userId: string, skills: string[]) => ({
      i: {
        userId,
        name: userId,
        role: 'caseworker',
        teams: ['probate'],
        skills,
        capacity: 10,
        shift: { days: EVERY_DAY, start: '00:00', end: '24:00' },
        leave: [],
        active: true,
      },
    });
    await ok(SAVE, profile('wq-gwen', ['probate', 'welsh']), leader);
    await ok(SAVE, profile('wq-paul', ['probate']), leader);

    const mine = subscribe(gwen, `subscription { myTasksChanged { ${CHANGE} } }`);
    const queue = subscribe(leader, `subscription($q: String!) { queueChanged(queueId: $q) { ${CHANGE} } }`, {
      q: 'probate',
    });
    // Both listening before anything changes (a subscription starts once its first event can be caught).
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const { createCase } = await ok(
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      {
        input: {
          caseType: 'probate',
          parties: [{ role: 'applicant', kind: 'person', name: 'Eleri Jones', preferredLanguage: 'cy' }],
        },
      },
      caseworker,
    );
    const caseId = createCase.id as string;
    const scanned = Date.now();
    const { receiveDocument } = await ok(
      'mutation($i: ReceiveDocumentInput!) { receiveDocument(input: $i) { id status language } }',
      {
        i: {
          caseId,
          title: 'Ewyllys',
          documentType: 'will',
          channel: 'bulk-scan',
          language: 'cy',
          storeReference: 'dm-store://documents/ewyllys',
        },
      },
      caseworker,
    );
    expect(receiveDocument).toMatchObject({ status: 'pending-review', language: 'cy' });

    const created = await nextChange(queue, 'queueChanged', scanned);
    expect(created).toMatchObject({
      change: 'created',
      task: {
        taskType: 'review-document',
        queueId: 'probate',
        status: 'unassigned',
        requiredSkills: ['probate', 'welsh'],
      },
    });
    expect(created.after).toBeLessThan(1_000);
    const taskId = created.task.id;
    const { tasks } = await ok('query($c: ID) { tasks(caseId: $c) { id } }', { c: caseId }, leader);
    expect(tasks).toEqual([{ id: taskId }]);

    // Paul does probate but not Welsh: not given it, whether he asks for the next task or for it by name.
    const paulsNext = (await ok('mutation { takeNextTask { id } }', {}, paul)).takeNextTask;
    expect(paulsNext?.id).not.toBe(taskId);
    const refused = await call('mutation($id: ID!) { claimTask(taskId: $id) { id } }', { id: taskId }, paul);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'You are without the welsh skill',
      extensions: { code: 'FORBIDDEN' },
    });

    const asked = Date.now();
    const { takeNextTask } = await ok('mutation { takeNextTask { id assignedTo } }', {}, gwen);
    expect(takeNextTask).toEqual({ id: taskId, assignedTo: 'wq-gwen' });
    const claimed = await nextChange(mine, 'myTasksChanged', asked);
    expect(claimed).toMatchObject({ change: 'claimed', task: { id: taskId, assignedTo: 'wq-gwen' } });
    expect(claimed.after).toBeLessThan(1_000);
    expect(await nextChange(queue, 'queueChanged', asked)).toMatchObject({ change: 'claimed' });

    const accepted = Date.now();
    await ok(
      'mutation($i: ReviewDocumentInput!) { reviewDocument(input: $i) { status } }',
      { i: { caseId, documentId: receiveDocument.id, decision: 'accepted' } },
      gwen,
    );
    const completed = await nextChange(mine, 'myTasksChanged', accepted);
    expect(completed).toMatchObject({
      change: 'completed',
      task: { id: taskId, status: 'completed', assignedTo: null },
    });
    expect(completed.after).toBeLessThan(1_000);
    expect(await nextChange(queue, 'queueChanged', accepted)).toMatchObject({ change: 'completed' });
    expect((await ok('{ myTasks { id } }', {}, gwen)).myTasks).toEqual([]);
  });

  it('makes a Welsh enquiry a task of the one queue: taken there, it is the officer’s enquiry; resolved, the task completes', async () => {
    await ok(
      SAVE,
      {
        i: {
          userId: 'wq-cerys',
          name: 'Cerys',
          role: 'caseworker',
          teams: ['welsh-language'],
          skills: ['welsh'],
          capacity: 10,
          shift: { days: EVERY_DAY, start: '00:00', end: '24:00' },
          leave: [],
          active: true,
        },
      },
      leader,
    );
    const queue = subscribe(leader, `subscription($q: String!) { queueChanged(queueId: $q) { ${CHANGE} } }`, {
      q: 'welsh',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const raisedAt = Date.now();
    const { raiseEnquiry } = await ok(
      'mutation($i: RaiseEnquiryInput!) { raiseEnquiry(input: $i) { id queueId } }',
      {
        i: {
          channel: 'telephone',
          subject: 'Oriau agor',
          message: 'Pryd mae’r cownter ar agor?',
          language: 'cy',
          contact: { name: 'Eleri Jones' },
        },
      },
      caseworker,
    );
    expect(raiseEnquiry.queueId).toBe('welsh');
    const created = await nextChange(queue, 'queueChanged', raisedAt);
    expect(created).toMatchObject({
      change: 'created',
      task: { taskType: 'answer-enquiry', queueId: 'welsh', status: 'unassigned', requiredSkills: ['welsh'] },
    });
    expect(created.after).toBeLessThan(1_000);

    // Paul has no Welsh and is not in the Welsh-language team: not his, by either route.
    const refused = await call('mutation($id: ID!) { claimTask(taskId: $id) { id } }', { id: created.task.id }, paul);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { takeNextTask } = await ok(
      'mutation { takeNextTask { id taskType assignedTo } }',
      {},
      await bearer('caseworker', { sub: 'wq-cerys' }),
    );
    expect(takeNextTask).toEqual({ id: created.task.id, taskType: 'answer-enquiry', assignedTo: 'wq-cerys' });
    const { enquiry } = await ok(
      'query($id: ID!) { enquiry(id: $id) { status assignedTo } }',
      { id: raiseEnquiry.id },
      leader,
    );
    expect(enquiry).toEqual({ status: 'assigned', assignedTo: 'wq-cerys' });
    expect(await nextChange(queue, 'queueChanged', raisedAt)).toMatchObject({ change: 'claimed' });

    await ok(
      'mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { status } }',
      { i: { enquiryId: raiseEnquiry.id, status: 'resolved', reason: 'Atebwyd ar y ffôn' } },
      leader,
    );
    expect(await nextChange(queue, 'queueChanged', raisedAt)).toMatchObject({
      change: 'completed',
      task: { id: created.task.id, status: 'completed' },
    });
  });

  it('refuses the work queue to the public and to firms, subscriptions included', async () => {
    const citizen = await bearer('citizen', { sub: 'wq-citizen' });
    expect((await call('{ tasks { id } }', {}, citizen)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const denied = await nextWithin(subscribe(citizen, 'subscription { myTasksChanged { change } }'), 5_000).catch(
      (errors: unknown) => ({ errors }) as Result,
    );
    expect(JSON.stringify((denied as Result).errors)).toMatch(/FORBIDDEN/);
  });
});
