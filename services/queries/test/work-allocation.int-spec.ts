import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assistedDigitalNeedIdentifiedV1, caseAccessChangedV2, enquiryConvertedToComplaintV2 } from '@ccsc/contracts';
import { bearer, caseAccessData, eventually, publishEvent, testCaseReference } from '@ccsc/testing';
import { enquiry, officerProfiles, startQueriesApp } from './queries-app';

// Responses are checked field by field, so a loose type is enough here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

describe('triage, work allocation, escalation and conversion', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let officer1: string;
  let officer2: string;
  let leader: string;
  let citizen: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    await officerProfiles(dataSource, ['officer-1', 'officer-2']);
    await officerProfiles(dataSource, ['leader-lee'], { role: 'team-leader' });
    [officer1, officer2, leader, citizen] = await Promise.all([
      bearer('caseworker', { sub: 'officer-1' }),
      bearer('caseworker', { sub: 'officer-2' }),
      bearer('team-leader', { sub: 'leader-lee' }),
      bearer('citizen', { sub: 'citizen-carys' }),
    ]);
  });
  afterAll(() => close());

  const gql = async (query: string, variables: Record<string, unknown>, who: string) => {
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('Authorization', who)
      .send({ query, variables })
      .expect(200);
    return res.body as { data?: Loose; errors?: { message: string; extensions: Loose }[] };
  };
  const ok = async (query: string, variables: Record<string, unknown>, who: string): Promise<Loose> => {
    const res = await gql(query, variables, who);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = async (query: string, variables: Record<string, unknown>, who: string) =>
    (await gql(query, variables, who)).errors?.[0]?.extensions.code;
  const raise = async (overrides: Record<string, unknown>, who = officer1): Promise<string> =>
    (
      await request(app.getHttpServer())
        .post('/api/v1/queries/enquiries')
        .set('Authorization', who)
        .send(enquiry({ channel: 'telephone', subject: 'Question', message: 'A general question', ...overrides }))
        .expect(201)
    ).body.id;
  /** A case announced by cases, through the event bus into this service's projection. */
  const announceCase = async (users: string[] = []): Promise<string> => {
    const caseId = randomUUID();
    await publishEvent(caseAccessChangedV2, caseId, caseAccessData(caseId, testCaseReference(), { users }));
    await eventually(async () =>
      expect((await dataSource.query('SELECT 1 FROM case_access WHERE case_id = $1', [caseId])).length).toBe(1),
    );
    return caseId;
  };
  const envelopes = async (type: string, key: string) =>
    (await dataSource.query('SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2', [type, key])) as {
      envelope: Loose;
    }[];

  it('orders the queue by major priority, priority date, then minor priority, and hands out the next task in that order', async () => {
    const a = await raise({ receivedAt: '2026-04-13T09:00:00+01:00' });
    const b = await raise({ receivedAt: '2026-04-15T09:00:00+01:00', priority: 'urgent' });
    const c = await raise({ receivedAt: '2026-04-13T09:00:00+01:00', hearingRelated: true });
    const d = await raise({ receivedAt: '2026-04-14T09:00:00+01:00' });
    const queue = await ok(
      '{ workQueue(queueId: "general", first: 10) { id majorPriority minorPriority } }',
      {},
      officer1,
    );
    expect(queue.workQueue.map((e: Loose) => e.id)).toEqual([b, c, a, d]);
    expect(queue.workQueue.map((e: Loose) => [e.majorPriority, e.minorPriority])).toEqual([
      [2000, 500],
      [5000, 100],
      [5000, 500],
      [5000, 500],
    ]);

    const NEXT = 'mutation { takeNextEnquiry(queueId: "general") { id status assignedTo } }';
    expect((await ok(NEXT, {}, officer1)).takeNextEnquiry).toEqual({
      id: b,
      status: 'assigned',
      assignedTo: 'officer-1',
    });
    expect((await ok(NEXT, {}, officer2)).takeNextEnquiry).toEqual({
      id: c,
      status: 'assigned',
      assignedTo: 'officer-2',
    });
    expect(await code('mutation($id: ID!) { claimEnquiry(enquiryId: $id) { id } }', { id: b }, officer2)).toBe(
      'CONFLICT',
    );
    expect(await code('{ workQueue(queueId: "nowhere") { id } }', {}, officer1)).toBe('NOT_FOUND');
    expect(await code('{ workQueue(queueId: "general") { id } }', {}, citizen)).toBe('FORBIDDEN');

    // Team leaders assign and reassign; officers cannot.
    const ASSIGN = 'mutation($i: AssignEnquiryInput!) { assignEnquiry(input: $i) { status assignedTo } }';
    expect(await code(ASSIGN, { i: { enquiryId: a, officer: 'officer-2' } }, officer1)).toBe('FORBIDDEN');
    expect((await ok(ASSIGN, { i: { enquiryId: a, officer: 'officer-2' } }, leader)).assignEnquiry).toEqual({
      status: 'assigned',
      assignedTo: 'officer-2',
    });
    expect(
      (await ok(ASSIGN, { i: { enquiryId: a, officer: 'officer-1', reason: 'officer-2 is off sick' } }, leader))
        .assignEnquiry.assignedTo,
    ).toBe('officer-1');
    const UNASSIGN = 'mutation($i: UnassignEnquiryInput!) { unassignEnquiry(input: $i) { status assignedTo } }';
    expect(await code(UNASSIGN, { i: { enquiryId: a } }, officer2)).toBe('FORBIDDEN');
    expect((await ok(UNASSIGN, { i: { enquiryId: a, reason: 'not mine' } }, officer1)).unassignEnquiry).toEqual({
      status: 'triaged',
      assignedTo: null,
    });
    const history = await ok(
      'query($id: ID!) { enquiry(id: $id) { history { kind detail reason actor } } }',
      { id: a },
      leader,
    );
    const reassigned = history.enquiry.history.find((h: Loose) => h.kind === 'reassigned');
    expect(reassigned).toMatchObject({ reason: 'officer-2 is off sick', actor: 'leader-lee' });
    expect(JSON.parse(reassigned.detail)).toEqual({ from: 'officer-2', to: 'officer-1' });

    const workload = await ok('{ workload { officer open urgent } }', {}, leader);
    expect(workload.workload).toEqual(
      expect.arrayContaining([
        { officer: 'officer-1', open: 1, urgent: 1 },
        { officer: 'officer-2', open: 1, urgent: 0 },
      ]),
    );
  });

  it('escalates with a reason, to a team leader or (for a case) to the judicial / case-directions team', async () => {
    const ESCALATE =
      'mutation($i: EscalateEnquiryInput!) { escalateEnquiry(input: $i) { status escalatedTo queueId assignedTo } }';
    const loose = await raise({});
    expect(
      await code(ESCALATE, { i: { enquiryId: loose, to: 'judicial', reason: 'needs directions' } }, officer1),
    ).toBe('CONFLICT');
    expect(await code(ESCALATE, { i: { enquiryId: loose, to: 'team-leader', reason: '' } }, officer1)).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (
        await ok(
          ESCALATE,
          { i: { enquiryId: loose, to: 'team-leader', reason: 'caller is very distressed' } },
          officer1,
        )
      ).escalateEnquiry,
    ).toEqual({ status: 'escalated', escalatedTo: 'team-leader', queueId: 'general', assignedTo: null });

    // Escalated to a team leader, it is a team leader's to take, not the next officer's.
    const urgent = await raise({ priority: 'urgent' });
    await ok(ESCALATE, { i: { enquiryId: urgent, to: 'team-leader', reason: 'threatens legal action' } }, officer1);
    const CLAIM = 'mutation($id: ID!) { claimEnquiry(enquiryId: $id) { status assignedTo } }';
    expect(await code(CLAIM, { id: loose }, officer2)).toBe('FORBIDDEN');
    const NEXT = 'mutation { takeNextEnquiry(queueId: "general") { id } }';
    expect((await ok(NEXT, {}, officer2)).takeNextEnquiry?.id).not.toBe(urgent);
    expect((await ok(NEXT, {}, leader)).takeNextEnquiry).toEqual({ id: urgent });
    expect((await ok(CLAIM, { id: loose }, leader)).claimEnquiry).toEqual({
      status: 'assigned',
      assignedTo: 'leader-lee',
    });

    const caseId = await announceCase();
    const onCase = await raise({ caseId });
    expect(
      (
        await ok(
          ESCALATE,
          { i: { enquiryId: onCase, to: 'judicial', reason: 'asks for a hearing to be moved' } },
          officer1,
        )
      ).escalateEnquiry,
    ).toEqual({ status: 'escalated', escalatedTo: 'judicial', queueId: 'judicial', assignedTo: null });
  });

  it('records the triage decision, and an override only with a reason', async () => {
    const id = await raise({ subject: 'Help with fees', message: 'Can I get help with fees?' });
    const TRIAGE =
      'mutation($i: TriageEnquiryInput!) { triageEnquiry(input: $i) { queueId priority majorPriority triageDecisions { queueId suggestedQueueId overridden reason actor } } }';
    expect(
      await code(TRIAGE, { i: { enquiryId: id, queueId: 'civil', priority: 'normal', articleIds: [] } }, officer1),
    ).toBe('BAD_USER_INPUT');
    const decided = await ok(
      TRIAGE,
      { i: { enquiryId: id, queueId: 'civil', priority: 'urgent', articleIds: [], reason: 'it is about a claim fee' } },
      officer1,
    );
    expect(decided.triageEnquiry).toMatchObject({ queueId: 'civil', priority: 'urgent', majorPriority: 2000 });
    expect(decided.triageEnquiry.triageDecisions).toEqual([
      { queueId: 'fees', suggestedQueueId: 'fees', overridden: false, reason: null, actor: 'system' },
      {
        queueId: 'civil',
        suggestedQueueId: 'fees',
        overridden: true,
        reason: 'it is about a claim fee',
        actor: 'officer-1',
      },
    ]);
    expect(
      await code(
        TRIAGE,
        { i: { enquiryId: id, queueId: 'nowhere', priority: 'normal', articleIds: [], reason: 'x' } },
        officer1,
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('lets team leaders edit the rules, which then route and signpost new enquiries', async () => {
    const article = await ok(
      'mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id articleId } }',
      {
        i: {
          serviceTags: ['hearings'],
          language: 'en',
          title: 'Bringing a hearing interpreter',
          body: 'Ask for an interpreter when you are told the hearing date.',
        },
      },
      leader,
    );
    await ok(
      'mutation($id: ID!) { publishKnowledgeArticleVersion(versionId: $id) { status } }',
      { id: article.createKnowledgeArticle.id },
      leader,
    );
    const SAVE = 'mutation($i: SaveTriageRuleInput!) { saveTriageRule(input: $i) { id keywords queueId } }';
    const rule = {
      position: 1,
      keywords: ['Interpreter'],
      queueId: 'welsh',
      priority: 'urgent',
      articleIds: [article.createKnowledgeArticle.articleId],
      active: true,
    };
    expect(await code(SAVE, { i: rule }, officer1)).toBe('FORBIDDEN');
    expect(await code(SAVE, { i: { ...rule, keywords: [], category: null } }, leader)).toBe('BAD_USER_INPUT');
    const saved = await ok(SAVE, { i: rule }, leader);
    expect(saved.saveTriageRule).toMatchObject({ keywords: ['interpreter'], queueId: 'welsh' });

    const id = await raise({ subject: 'Cyfieithydd', message: 'I need a Welsh interpreter at my hearing' });
    const found = await ok(
      'query($id: ID!) { enquiry(id: $id) { queueId priority signposts { title } } }',
      { id },
      officer1,
    );
    expect(found.enquiry).toEqual({
      queueId: 'welsh',
      priority: 'urgent',
      signposts: [{ title: 'Bringing a hearing interpreter' }],
    });
    const stats = await ok(
      'query($ids: [ID!]!) { knowledgeArticleStats(ids: $ids) { signposted } }',
      { ids: [article.createKnowledgeArticle.articleId] },
      officer1,
    );
    expect(stats.knowledgeArticleStats).toEqual([{ signposted: 1 }]);

    await ok(SAVE, { i: { ...rule, id: saved.saveTriageRule.id, active: false } }, leader);
    const after = await raise({ subject: 'Interpreter', message: 'interpreter please' });
    expect(
      (await ok('query($id: ID!) { enquiry(id: $id) { queueId } }', { id: after }, officer1)).enquiry.queueId,
    ).toBe('general');
  });

  it('turns an enquiry into a complaint once, and sends an assisted-digital need to its case', async () => {
    const caseId = await announceCase(['citizen-carys']);
    const id = await raise({ channel: 'online-form', caseId, category: 'service', language: 'cy' }, citizen);
    const CONVERT =
      'mutation($i: ConvertEnquiryToComplaintInput!) { convertEnquiryToComplaint(input: $i) { status convertedToComplaintAt } }';
    expect(await code(CONVERT, { i: { enquiryId: id, reason: 'unhappy with the service' } }, citizen)).toBe(
      'FORBIDDEN',
    );

    const NEED = 'mutation($i: IdentifyAssistedDigitalNeedInput!) { identifyAssistedDigitalNeed(input: $i) { id } }';
    await ok(NEED, { i: { enquiryId: id, needs: ['no-device', 'low-digital-confidence', 'no-device'] } }, officer1);
    const [need] = await envelopes(assistedDigitalNeedIdentifiedV1.type, id);
    expect(need!.envelope.data).toEqual({ enquiryId: id, caseId, needs: ['no-device', 'low-digital-confidence'] });
    expect(await code(NEED, { i: { enquiryId: id, needs: ['telepathy'] } }, officer1)).toBe('BAD_USER_INPUT');
    expect(await code(NEED, { i: { enquiryId: await raise({}), needs: ['no-device'] } }, officer1)).toBe('CONFLICT');

    // A solicitor's call recorded by an officer is a professional's complaint.
    const call = await raise({ caseId, contact: { name: 'Sam Solicitor', kind: 'professional' } });
    await ok(CONVERT, { i: { enquiryId: call, reason: 'complains about delay' } }, officer1);
    expect((await envelopes(enquiryConvertedToComplaintV2.type, call))[0]!.envelope.data.complainantType).toBe(
      'professional',
    );

    const converted = await ok(CONVERT, { i: { enquiryId: id, reason: 'unhappy with the service' } }, officer1);
    expect(converted.convertEnquiryToComplaint.status).toBe('closed');
    const [event] = await envelopes(enquiryConvertedToComplaintV2.type, id);
    const contactId = (await dataSource.query('SELECT contact_id FROM enquiries WHERE id = $1', [id]))[0].contact_id;
    expect(event!.envelope.data).toEqual({
      enquiryId: id,
      contactId,
      complainantType: 'public',
      // Raised by Carys online: the complaint is hers to follow, as the enquiry was.
      complainantUserId: 'citizen-carys',
      channel: 'online-form',
      category: 'service',
      caseIds: [caseId],
      receivedAt: expect.any(String),
      language: 'cy',
    });
    expect(enquiryConvertedToComplaintV2.check(event!.envelope.data)).toEqual([]);
    expect(await code(CONVERT, { i: { enquiryId: id, reason: 'again' } }, officer1)).toBe('CONFLICT');
    expect(await envelopes(enquiryConvertedToComplaintV2.type, id)).toHaveLength(1);
  });

  it('reports volumes, first-contact resolution, SLA compliance and handling time per day and team', async () => {
    const first = await raise({
      channel: 'email',
      subject: 'Probate',
      message: 'How long does probate take?',
      receivedAt: '2026-05-05T09:00:00+01:00',
    });
    await ok('mutation($id: ID!) { claimEnquiry(enquiryId: $id) { id } }', { id: first }, officer1);
    await request(app.getHttpServer())
      .post(`/api/v1/queries/enquiries/${first}/messages`)
      .set('Authorization', officer1)
      .send({ body: 'Up to 16 weeks.' })
      .expect(201);
    await ok(
      'mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { id } }',
      { i: { enquiryId: first, status: 'resolved' } },
      officer1,
    );
    await raise({
      channel: 'email',
      subject: 'Probate again',
      message: 'Is my probate grant ready?',
      receivedAt: '2026-05-05T10:00:00+01:00',
    });

    // Resolved today, months after its ten working days: at first contact, but the resolution SLA was missed.
    const figures = await ok(
      '{ enquiryFigures(from: "2026-05-05", to: "2026-05-05") { day team channel category received resolved resolvedAtFirstContact slaMet slaMissed averageHandlingMinutes } }',
      {},
      leader,
    );
    expect(figures.enquiryFigures).toEqual([
      {
        day: '2026-05-05',
        team: 'probate',
        channel: 'email',
        category: null,
        received: 2,
        resolved: 1,
        resolvedAtFirstContact: 1,
        slaMet: 0,
        slaMissed: 1,
        averageHandlingMinutes: expect.any(Number),
      },
    ]);

    // Closing a resolved enquiry keeps it resolved, when and as it was: the figures do not change.
    await ok(
      'mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { id } }',
      { i: { enquiryId: first, status: 'closed' } },
      officer1,
    );
    const afterClosing = await ok(
      '{ enquiryFigures(from: "2026-05-05", to: "2026-05-05") { received resolved resolvedAtFirstContact slaMissed } }',
      {},
      leader,
    );
    expect(afterClosing.enquiryFigures).toEqual([
      { received: 2, resolved: 1, resolvedAtFirstContact: 1, slaMissed: 1 },
    ]);
    expect(await code('{ enquiryFigures(from: "2026-05-06", to: "2026-05-05") { day } }', {}, leader)).toBe(
      'BAD_USER_INPUT',
    );
  });
});
