import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enquiryRaisedV1, enquiryStatusChangedV1 } from '@ccsc/contracts';
import { bearer } from '@ccsc/testing';
import { enquiry, knownCase, officerProfiles, startQueriesApp } from './queries-app';

// Responses are checked field by field, so a loose type is enough here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const FIELDS =
  'id channel subject status caseId category priority language queueId team assignedTo majorPriority minorPriority hearingRelated receivedAt sla { clock unit target state dueAt pausedAt stoppedAt calendarVersion }';

describe('enquiries', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let caseworker: string;
  let citizen: string;
  let otherCitizen: string;
  let orgA: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    await officerProfiles(dataSource, ['officer-sam']);
    [caseworker, citizen, otherCitizen, orgA] = await Promise.all([
      bearer('caseworker', { sub: 'officer-sam' }),
      bearer('citizen', { sub: 'citizen-carys' }),
      bearer('citizen', { sub: 'citizen-dai' }),
      bearer('professional', { org: 'org-a', sub: 'solicitor-a' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const gql = async (query: string, variables: Record<string, unknown>, who: string) => {
    const res = await http().post('/graphql').set('Authorization', who).send({ query, variables }).expect(200);
    return res.body as { data?: Loose; errors?: { message: string; extensions: Loose }[] };
  };
  const outbox = async (type: string, subject: string) =>
    (await dataSource.query('SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2 ORDER BY position', [
      type,
      subject,
    ])) as { envelope: { data: Loose } }[];

  it.each([
    ['When will my claim be issued?', 'Is there a date yet?', 'en', 'civil'],
    ['Probate', 'I am the executor of my late mother’s estate: how do I apply?', 'en', 'probate'],
    ['Grant of representation', 'How long does a grant take?', 'en', 'probate'],
    ['Fy hawliad', 'Pryd fydd fy hawliad yn cael ei gyhoeddi?', 'cy', 'welsh'],
  ])('triages "%s" with the seeded rules to its queue (%s, %s → %s)', async (subject, message, language, queueId) => {
    const res = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry({ subject, message, language }))
      .expect(201);
    expect(res.body).toMatchObject({ queueId, language });
  });

  it('raises an enquiry from a web form: triaged by the rules, SLA clocks started, the event in the outbox, Location given', async () => {
    const res = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry({ subject: 'Help with fees', message: 'Can I get help with fees for my claim?' }))
      .expect(201);
    expect(res.headers.location).toBe(`/api/v1/queries/enquiries/${res.body.id}`);
    expect(res.body).toMatchObject({
      channel: 'online-form',
      status: 'triaged',
      queueId: 'fees',
      team: 'contact-centre',
      priority: 'normal',
      majorPriority: 5000,
      minorPriority: 500,
      language: 'en',
    });
    expect(res.body.sla).toEqual([
      expect.objectContaining({ clock: 'first-response', unit: 'working-days', target: 2, state: 'on-track' }),
      expect.objectContaining({ clock: 'resolution', unit: 'working-days', target: 10, state: 'on-track' }),
    ]);
    const [event] = await outbox(enquiryRaisedV1.type, res.body.id);
    expect(event!.envelope.data).toEqual({
      enquiryId: res.body.id,
      channel: 'online-form',
      receivedAt: res.body.receivedAt,
    });
    // No personal data in the event: the contact's name and email stay here.
    expect(JSON.stringify(event!.envelope)).not.toMatch(/Alex|example\.com/);
  });

  it('refuses bad input with field errors, unknown fields, and channels and priorities the public cannot set, changing nothing', async () => {
    const before = (await dataSource.query('SELECT count(*)::int AS n FROM enquiries'))[0].n;
    const bad = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry({ channel: 'pigeon', contact: { name: '' } }))
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['channel', 'contact.name']),
    );
    await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry({ colour: 'blue' }))
      .expect(400);
    // The name goes into the messages sent to the contact: no web address in the service's words.
    const linked = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry({ contact: { name: 'Your fine is overdue: pay at https://pay.example', email: 'x@example.com' } }))
      .expect(400);
    expect(linked.body.errors).toEqual([{ field: 'contact.name', message: 'name must not contain a web address' }]);
    const phone = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry({ channel: 'telephone', priority: 'urgent', contact: { name: 'Alex', kind: 'professional' } }))
      .expect(400);
    expect(phone.body.errors.map((e: { field: string }) => e.field)).toEqual(['channel', 'priority', 'contact.kind']);
    expect((await dataSource.query('SELECT count(*)::int AS n FROM enquiries'))[0].n).toBe(before);
  });

  it('links a case only when the platform knows it and the caller may see it', async () => {
    const carysCase = await knownCase(dataSource, { users: ['citizen-carys'] });
    const linked = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry({ caseId: carysCase }))
      .expect(201);
    expect(linked.body.caseId).toBe(carysCase);
    // A case the caller may not see is not found, exactly like one the platform does not know.
    const refused = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', otherCitizen)
      .send(enquiry({ caseId: carysCase }))
      .expect(404);
    expect(refused.body.detail).toBe(
      (
        await http()
          .post('/api/v1/queries/enquiries')
          .set('Authorization', caseworker)
          .send(enquiry({ channel: 'telephone', caseId: '7d7a3f7e-2b1c-4c55-9f59-1d2e3f4a5b6c' }))
          .expect(404)
      ).body.detail,
    );
  });

  it('shows a citizen only their own enquiries and a professional only their firm’s', async () => {
    const mine = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry())
      .expect(201);
    await http().get(`/api/v1/queries/enquiries/${mine.body.id}`).set('Authorization', otherCitizen).expect(404);
    await http().get(`/api/v1/queries/enquiries/${mine.body.id}`).set('Authorization', orgA).expect(404);
    await http().get(`/api/v1/queries/enquiries/${mine.body.id}`).set('Authorization', caseworker).expect(200);
    const firm = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', orgA)
      .send(enquiry({ channel: 'email' }))
      .expect(201);
    const firmList = await http().get('/api/v1/queries/enquiries').set('Authorization', orgA).expect(200);
    expect(firmList.body.items.map((e: { id: string }) => e.id)).toEqual([firm.body.id]);
    const carysList = await http().get('/api/v1/queries/enquiries?limit=1').set('Authorization', citizen).expect(200);
    expect(carysList.body.items).toHaveLength(1);
    const page2 = await http()
      .get(`/api/v1/queries/enquiries?limit=1&cursor=${carysList.body.nextCursor}`)
      .set('Authorization', citizen)
      .expect(200);
    expect(page2.body.items[0].id).not.toBe(carysList.body.items[0].id);
  });

  it('threads messages: the first reply stops the first-response clock, waiting for the customer pauses, the answer resumes', async () => {
    const raised = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .send(enquiry())
      .expect(201);
    const id = raised.body.id as string;
    const [first] = (
      await http().get(`/api/v1/queries/enquiries/${id}/messages`).set('Authorization', citizen).expect(200)
    ).body;

    const claimed = await gql(
      `mutation($id: ID!) { claimEnquiry(enquiryId: $id) { status assignedTo } }`,
      { id },
      caseworker,
    );
    expect(claimed.data!.claimEnquiry).toEqual({ status: 'assigned', assignedTo: 'officer-sam' });

    const replied = await http()
      .post(`/api/v1/queries/enquiries/${id}/messages`)
      .set('Authorization', caseworker)
      .send({ body: 'Which claim is it?', parentId: first.id })
      .expect(201);
    expect(replied.body.sla[0]).toMatchObject({ clock: 'first-response', state: 'met' });
    const waiting = await gql(
      `mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { ${FIELDS} } }`,
      { i: { enquiryId: id, status: 'awaiting-customer', reason: 'asked for the claim number' } },
      caseworker,
    );
    expect(waiting.data!.changeEnquiryStatus.sla[1]).toMatchObject({
      clock: 'resolution',
      state: 'paused',
      dueAt: null,
    });

    const answered = await http()
      .post(`/api/v1/queries/enquiries/${id}/messages`)
      .set('Authorization', citizen)
      .send({ body: 'It is 1234-5678-9012-3452', hearingRelated: true })
      .expect(201);
    expect(answered.body).toMatchObject({ status: 'assigned', hearingRelated: true, minorPriority: 100 });
    expect(answered.body.sla[1]).toMatchObject({ state: 'on-track', pausedAt: null });
    expect(answered.body.sla[1].dueAt).not.toBeNull();

    await http()
      .post(`/api/v1/queries/enquiries/${id}/messages`)
      .set('Authorization', citizen)
      .send({ body: 'x', direction: 'outbound' })
      .expect(400);
    await http()
      .post(`/api/v1/queries/enquiries/${id}/messages`)
      .set('Authorization', citizen)
      .send({ body: 'x', parentId: '7d7a3f7e-2b1c-4c55-9f59-1d2e3f4a5b6c' })
      .expect(400);

    const resolved = await gql(
      `mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { status resolvedAt resolvedAtFirstContact sla { clock state } } }`,
      { i: { enquiryId: id, status: 'resolved' } },
      caseworker,
    );
    expect(resolved.data!.changeEnquiryStatus).toMatchObject({
      status: 'resolved',
      resolvedAtFirstContact: false,
      sla: [
        { clock: 'first-response', state: 'met' },
        { clock: 'resolution', state: 'met' },
      ],
    });

    const history = await gql(
      `query($id: ID!) { enquiry(id: $id) { history { kind fromStatus toStatus reason actor } messages { direction parentId } } }`,
      { id },
      caseworker,
    );
    expect(
      history
        .data!.enquiry.history.filter((h: { kind: string }) => h.kind === 'status')
        .map((h: { toStatus: string }) => h.toStatus),
    ).toEqual(['triaged', 'assigned', 'awaiting-customer', 'assigned', 'resolved']);
    expect(history.data!.enquiry.messages.map((m: { direction: string }) => m.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
    ]);
    expect(history.data!.enquiry.messages[1].parentId).toBe(first.id);
    expect((await outbox(enquiryStatusChangedV1.type, id)).map((e) => e.envelope.data.to)).toEqual([
      'assigned',
      'awaiting-customer',
      'assigned',
      'resolved',
    ]);

    const refused = await gql(
      `mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { status } }`,
      { i: { enquiryId: id, status: 'awaiting-customer' } },
      caseworker,
    );
    expect(refused.errors![0]!.extensions.code).toBe('CONFLICT');
    const hidden = await gql(`query($id: ID!) { enquiry(id: $id) { history { kind } } }`, { id }, citizen);
    expect(hidden.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const forbidden = await gql(
      `mutation($i: ChangeEnquiryStatusInput!) { changeEnquiryStatus(input: $i) { status } }`,
      { i: { enquiryId: id, status: 'closed' } },
      citizen,
    );
    expect(forbidden.errors![0]!.extensions.code).toBe('FORBIDDEN');

    // Writing back about a resolved enquiry reopens it with the officer who had it (whom only staff are told).
    const reopened = await http()
      .post(`/api/v1/queries/enquiries/${id}/messages`)
      .set('Authorization', citizen)
      .send({ body: 'The hearing was moved again' })
      .expect(201);
    expect(reopened.body).toMatchObject({ status: 'assigned', assignedTo: null });
    expect(
      (await http().get(`/api/v1/queries/enquiries/${id}`).set('Authorization', caseworker).expect(200)).body,
    ).toMatchObject({ status: 'assigned', assignedTo: 'officer-sam' });
  });

  it('names the officer working an enquiry to staff only: the citizen or firm who raised it reads null', async () => {
    const caseId = await knownCase(dataSource, { users: ['citizen-carys'], organisations: ['org-a'] });
    const raise = async (who: string, channel: string) =>
      (
        await http()
          .post('/api/v1/queries/enquiries')
          .set('Authorization', who)
          .send(enquiry({ channel, caseId }))
          .expect(201)
      ).body.id as string;
    const carys = await raise(citizen, 'online-form');
    const firm = await raise(orgA, 'email');
    for (const id of [carys, firm]) {
      const claimed = await gql(
        `mutation($id: ID!) { claimEnquiry(enquiryId: $id) { assignedTo } }`,
        { id },
        caseworker,
      );
      expect(claimed.data!.claimEnquiry.assignedTo).toBe('officer-sam');
    }

    const ONE = 'query($id: ID!) { enquiry(id: $id) { status assignedTo } }';
    const LIST = 'query { enquiries(first: 100) { nodes { id assignedTo } } }';
    const ON_CASE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Case { enquiries { id assignedTo } } } }`;
    const reads = async (who: string, id: string) => {
      const rest = await http().get(`/api/v1/queries/enquiries/${id}`).set('Authorization', who).expect(200);
      const restList = await http().get('/api/v1/queries/enquiries?limit=100').set('Authorization', who).expect(200);
      const one = await gql(ONE, { id }, who);
      const list = await gql(LIST, {}, who);
      const onCase = await gql(ON_CASE, { reps: [{ __typename: 'Case', id: caseId }] }, who);
      return [
        rest.body.assignedTo,
        restList.body.items.find((e: Loose) => e.id === id).assignedTo,
        one.data!.enquiry.assignedTo,
        list.data!.enquiries.nodes.find((e: Loose) => e.id === id).assignedTo,
        onCase.data!._entities[0].enquiries.find((e: Loose) => e.id === id).assignedTo,
      ];
    };
    expect(await reads(citizen, carys)).toEqual([null, null, null, null, null]);
    expect(await reads(orgA, firm)).toEqual([null, null, null, null, null]);
    for (const id of [carys, firm]) expect(await reads(caseworker, id)).toEqual(Array(5).fill('officer-sam'));

    // What a citizen's or firm's own write answers with names no officer either.
    const written = await http()
      .post(`/api/v1/queries/enquiries/${firm}/messages`)
      .set('Authorization', orgA)
      .send({ body: 'Any news?' })
      .expect(201);
    expect(written.body).toMatchObject({ status: 'assigned', assignedTo: null });
    const added = await gql(
      `mutation($i: AddEnquiryMessageInput!) { addEnquiryMessage(input: $i) { status assignedTo } }`,
      { i: { enquiryId: carys, body: 'Any news?' } },
      citizen,
    );
    expect(added.data!.addEnquiryMessage).toEqual({ status: 'assigned', assignedTo: null });
  });

  it('honours Idempotency-Key on raising an enquiry', async () => {
    const body = enquiry({ subject: 'Once only' });
    const first = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .set('Idempotency-Key', 'raise-1')
      .send(body)
      .expect(201);
    const again = await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .set('Idempotency-Key', 'raise-1')
      .send(body)
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    await http()
      .post('/api/v1/queries/enquiries')
      .set('Authorization', citizen)
      .set('Idempotency-Key', 'raise-1')
      .send({ ...body, subject: 'Other' })
      .expect(409);
  });
});
