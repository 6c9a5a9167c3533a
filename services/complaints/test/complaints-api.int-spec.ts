import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { londonInstant } from '@ccsc/calendar';
import { feeWaiverDecidedV1, feeWaiverRequestedV1 } from '@ccsc/contracts';
import { bearer, commandEventCount, eventually } from '@ccsc/testing';
import { ComplaintRepository } from '../src/complaint/infrastructure/complaint.repository';
import { ComplaintSlaRun } from '../src/sla/application/sla.commands';
import { announceCase, outbox, publish, startComplaintsApp } from './complaints-app';

const COMPLAINT_FIELDS =
  'id reference complainantType origin caseIds severity status currentStage stages { stage status dueDate calendarVersion atRisk breached }';

describe('complaints API', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let officer: string;
  let citizen: string;
  let otherCitizen: string;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp());
    [officer, citizen, otherCitizen, orgA, orgB] = await Promise.all([
      bearer('complaints-officer'),
      bearer('citizen', { sub: 'citizen-carys' }),
      bearer('citizen', { sub: 'citizen-dewi' }),
      bearer('professional', { org: 'org-a' }),
      bearer('professional', { org: 'org-b' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const graphql = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    http().post('/graphql').set('Authorization', token).send({ query, variables }).expect(200);
  const count = async () => {
    const db = app.get(DataSource);
    const [row] = (await db.query(`SELECT count(*)::int AS complaints FROM complaints`)) as [{ complaints: number }];
    return { ...row, events: await commandEventCount(db) };
  };

  it('refuses bad input with field errors, and then has changed and published nothing', async () => {
    const before = await count();
    const unknown = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .send({ category: 'delay', priority: 'high' })
      .expect(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'priority', message: expect.stringContaining('should not exist') }],
    });
    const bad = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .send({ category: 'Delay!', severity: 'huge', receivedAt: '2025-12-19 10:00', caseIds: ['nope'] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'caseIds',
      'category',
      'receivedAt',
      'severity',
    ]);
    // A name is printed in the letters and emails sent in the service's name: no web address, one line.
    for (const complainantName of ['Pay at https://fines.example', 'www.fines.example', 'Rhian\nEvans']) {
      const named = await http()
        .post('/api/v1/complaints')
        .set('Authorization', officer)
        .send({ category: 'delay', complainantName, complainantEmail: 'someone@example.com' })
        .expect(400);
      expect(named.body.errors).toEqual([{ field: 'complainantName', message: expect.any(String) }]);
    }
    const future = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .send({ category: 'delay', receivedAt: '2999-01-01T00:00:00Z' })
      .expect(400);
    expect(future.body.errors).toEqual([{ field: 'receivedAt', message: 'must not be in the future' }]);
    const gql = await graphql(
      officer,
      `
        mutation ($input: OpenComplaintInput!) {
          openComplaint(input: $input) {
            id
          }
        }
      `,
      { input: { category: 'delay', severity: 'huge' } },
    );
    expect(gql.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'severity' }],
    });
    expect(await count()).toEqual(before);
  });

  it('lets a citizen and a firm file through the public form about cases they may see, and follow only their own', async () => {
    const { caseId } = await announceCase(app, { users: ['citizen-carys'], organisations: ['org-a'] });
    const theirs = await http()
      .post('/api/v1/complaints')
      .set('Authorization', citizen)
      .send({ category: 'delay', caseIds: [caseId], summary: 'My hearing keeps moving' })
      .expect(201);
    expect(theirs.headers.location).toBe(`/api/v1/complaints/${theirs.body.id}`);
    expect(theirs.body).toMatchObject({
      complainantType: 'public',
      origin: 'online-form',
      caseIds: [caseId],
      severity: 'minor',
      currentStage: 1,
    });
    const firms = await http()
      .post('/api/v1/complaints')
      .set('Authorization', orgA)
      .send({ category: 'fees', caseIds: [caseId] })
      .expect(201);
    expect(firms.body).toMatchObject({ complainantType: 'professional' });

    const before = await count();
    await http()
      .post('/api/v1/complaints')
      .set('Authorization', otherCitizen)
      .send({ category: 'delay', caseIds: [caseId] })
      .expect(404);
    await http()
      .post('/api/v1/complaints')
      .set('Authorization', orgB)
      .send({ category: 'delay', caseIds: [caseId] })
      .expect(404);
    await http()
      .post('/api/v1/complaints')
      .set('Authorization', orgB)
      .send({ category: 'delay', caseIds: [randomUUID()] })
      .expect(404);
    const triage = await http()
      .post('/api/v1/complaints')
      .set('Authorization', citizen)
      .send({ category: 'delay', severity: 'tier-1-plus', origin: 'telephone', receivedAt: '2025-01-01T00:00:00Z' })
      .expect(400);
    expect(triage.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'origin',
      'receivedAt',
      'severity',
    ]);
    expect(await count()).toEqual(before);

    await http().get(`/api/v1/complaints/${theirs.body.id}`).set('Authorization', citizen).expect(200);
    await http().get(`/api/v1/complaints/${theirs.body.id}`).set('Authorization', otherCitizen).expect(404);
    await http().get(`/api/v1/complaints/${theirs.body.id}`).set('Authorization', orgA).expect(404);
    await http().get(`/api/v1/complaints/${firms.body.id}`).set('Authorization', orgB).expect(404);
    expect(
      (await http().get('/api/v1/complaints').set('Authorization', citizen).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([theirs.body.id]);
    expect(
      (await http().get('/api/v1/complaints').set('Authorization', orgA).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([firms.body.id]);
    expect((await http().get('/api/v1/complaints').set('Authorization', otherCitizen).expect(200)).body.items).toEqual(
      [],
    );

    // Complainants follow their complaint; only complaints staff move it on.
    await http().post(`/api/v1/complaints/${theirs.body.id}/acknowledgement`).set('Authorization', citizen).expect(403);
    await http().post('/api/v1/complaints/sla/runs').set('Authorization', citizen).expect(403);
    await http().get('/api/v1/complaints/mi/day?start=2025-12-19').set('Authorization', orgA).expect(403);

    // An unsent draft is the officers' working text: the complainant sees the response once it is sent.
    await http().post(`/api/v1/complaints/${theirs.body.id}/acknowledgement`).set('Authorization', officer).expect(200);
    await http()
      .post(`/api/v1/complaints/${theirs.body.id}/investigation`)
      .set('Authorization', officer)
      .send({})
      .expect(200);
    const drafted = await http()
      .post(`/api/v1/complaints/${theirs.body.id}/response-draft`)
      .set('Authorization', officer)
      .send({ text: 'Draft: we are sorry for the delay.' })
      .expect(200);
    expect(drafted.body.stages[0].draft).toBe('Draft: we are sorry for the delay.');
    const seen = await http().get(`/api/v1/complaints/${theirs.body.id}`).set('Authorization', citizen).expect(200);
    expect(seen.body.stages[0]).toMatchObject({ status: 'response-drafted', draft: null, draftTemplate: null });
  });

  it('names the officers on a complaint to staff only: its complainant, citizen or firm, reads no officer id', async () => {
    const olu = await bearer('complaints-officer', { sub: 'officer-olu' });
    const firmUser = await bearer('professional', { org: 'org-a', sub: 'solicitor-sol' });
    const { caseId } = await announceCase(app, { users: ['citizen-carys'], organisations: ['org-a'] });
    const file = async (who: string) =>
      (
        await http()
          .post('/api/v1/complaints')
          .set('Authorization', who)
          .send({ category: 'delay', caseIds: [caseId] })
          .expect(201)
      ).body.id as string;
    const carys = await file(citizen);
    const firms = await file(firmUser);
    for (const id of [carys, firms]) {
      await http().post(`/api/v1/complaints/${id}/acknowledgement`).set('Authorization', olu).expect(200);
      const investigating = await http()
        .post(`/api/v1/complaints/${id}/investigation`)
        .set('Authorization', olu)
        .send({ investigatingOfficer: 'officer-olu' })
        .expect(200);
      expect(investigating.body.investigatingOfficer).toBe('officer-olu');
    }

    type Entry = { kind: string; summary: string; actor: string | null };
    const READ = `query($id: ID!) { complaint(id: $id) { investigatingOfficer timeline { kind summary actor } } }`;
    const LIST = '{ complaints(first: 100) { nodes { id investigatingOfficer } } }';
    const ON_CASE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Case { complaints { id investigatingOfficer timeline { actor } } } } }`;
    const reads = async (who: string, id: string) => {
      const rest = await http().get(`/api/v1/complaints/${id}`).set('Authorization', who).expect(200);
      const restList = await http().get('/api/v1/complaints?limit=100').set('Authorization', who).expect(200);
      const restTimeline = await http().get(`/api/v1/complaints/${id}/timeline`).set('Authorization', who).expect(200);
      const one = (await graphql(who, READ, { id })).body.data.complaint;
      const list = (await graphql(who, LIST)).body.data.complaints.nodes;
      const onCase = (await graphql(who, ON_CASE, { reps: [{ __typename: 'Case', id: caseId }] })).body.data
        ._entities[0].complaints;
      const onCaseOne = onCase.find((c: { id: string }) => c.id === id);
      return {
        investigatingOfficer: [
          rest.body.investigatingOfficer,
          restList.body.items.find((c: { id: string }) => c.id === id).investigatingOfficer,
          one.investigatingOfficer,
          list.find((c: { id: string }) => c.id === id).investigatingOfficer,
          onCaseOne.investigatingOfficer,
        ],
        timelines: [restTimeline.body as Entry[], one.timeline as Entry[]],
        actorsOnCase: onCaseOne.timeline.map((e: Entry) => e.actor),
      };
    };

    for (const [who, id] of [
      [citizen, carys],
      [firmUser, firms],
    ] as const) {
      const seen = await reads(who, id);
      expect(seen.investigatingOfficer).toEqual([null, null, null, null, null]);
      for (const timeline of seen.timelines) {
        expect(timeline.map((e) => [e.kind, e.summary, e.actor])).toEqual([
          ['opened', expect.stringMatching(/^Complaint opened \(online-form\)/), null],
          ['stage-acknowledged', 'Stage 1 acknowledged', null],
          ['stage-investigating', 'Stage 1 under investigation', null],
        ]);
      }
      expect(seen.actorsOnCase).toEqual([null, null, null]);
    }

    for (const [id, filer] of [
      [carys, 'citizen-carys'],
      [firms, 'solicitor-sol'],
    ] as const) {
      const seen = await reads(olu, id);
      expect(seen.investigatingOfficer).toEqual(Array(5).fill('officer-olu'));
      for (const timeline of seen.timelines) {
        expect(timeline.map((e) => [e.summary.replace(/^Complaint opened.*/, 'opened'), e.actor])).toEqual([
          ['opened', filer],
          ['Stage 1 acknowledged', 'officer-olu'],
          ['Stage 1 under investigation by officer-olu', 'officer-olu'],
        ]);
      }
      expect(seen.actorsOnCase).toEqual([filer, 'officer-olu', 'officer-olu']);
    }
  });

  it("extends the cases service's Case with the complaints each caller may see, a page of cases in one batch", async () => {
    const first = await announceCase(app, { users: ['citizen-carys'] });
    const second = await announceCase(app, { users: ['citizen-carys'] });
    const mine = await http()
      .post('/api/v1/complaints')
      .set('Authorization', citizen)
      .send({ category: 'delay', caseIds: [first.caseId, second.caseId] })
      .expect(201);
    const staffs = await http()
      .post('/api/v1/complaints')
      .set('Authorization', officer)
      .send({ category: 'staff-conduct', caseIds: [first.caseId] })
      .expect(201);

    const entities = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Case { id complaints { id reference cases { id } } } } }`;
    const reps = [first.caseId, second.caseId].map((id) => ({ __typename: 'Case', id }));
    const batches = jest.spyOn(app.get(ComplaintRepository), 'forCases');
    const asStaff = await graphql(officer, entities, { reps });
    expect(asStaff.body.errors).toBeUndefined();
    expect(batches).toHaveBeenCalledTimes(1);
    batches.mockRestore();
    expect(
      asStaff.body.data._entities.map((c: { complaints: { id: string }[] }) => c.complaints.map((x) => x.id)),
    ).toEqual([[mine.body.id, staffs.body.id], [mine.body.id]]);
    expect(asStaff.body.data._entities[1].complaints[0].cases).toEqual([{ id: first.caseId }, { id: second.caseId }]);
    const asCitizen = await graphql(citizen, entities, { reps });
    expect(
      asCitizen.body.data._entities.map((c: { complaints: { id: string }[] }) => c.complaints.map((x) => x.id)),
    ).toEqual([[mine.body.id], [mine.body.id]]);
    const asOther = await graphql(otherCitizen, entities, { reps });
    expect(asOther.body.data._entities.map((c: { complaints: unknown[] }) => c.complaints)).toEqual([[], []]);
    const anonymous = await http().post('/graphql').send({ query: entities, variables: { reps } });
    expect(anonymous.status).toBe(401);
  });

  it('runs a complaint through GraphQL, with cursor pages', async () => {
    const opened = await graphql(
      officer,
      `mutation($input: OpenComplaintInput!) { openComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`,
      {
        input: {
          category: 'delay',
          origin: 'webchat',
          receivedAt: '2025-12-19T10:30:00Z',
          complainantName: 'Alex Smith',
        },
      },
    );
    const complaint = opened.body.data.openComplaint;
    expect(complaint).toMatchObject({
      origin: 'webchat',
      status: 'open',
      stages: [{ stage: 1, status: 'received', dueDate: '2026-01-07' }],
    });
    for (const step of [`acknowledgeComplaint(id: $id)`, `startComplaintInvestigation(id: $id)`]) {
      const res = await graphql(officer, `mutation($id: ID!) { ${step} { id } }`, { id: complaint.id });
      expect(res.body.errors).toBeUndefined();
    }
    const drafted = await graphql(
      officer,
      `
        mutation ($id: ID!) {
          draftComplaintResponse(id: $id, input: { templateId: "stage-2-senior-review" }) {
            id
          }
        }
      `,
      { id: complaint.id },
    );
    expect(drafted.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'templateId', message: 'is for stage 2, the complaint is at stage 1' }],
    });
    await graphql(
      officer,
      `
        mutation ($id: ID!) {
          draftComplaintResponse(id: $id, input: { templateId: "stage-1-response" }) {
            id
          }
        }
      `,
      { id: complaint.id },
    );
    const sent = await graphql(
      officer,
      `
        mutation ($id: ID!) {
          sendComplaintResponse(id: $id, input: { outcome: "partially-upheld" }) {
            stages {
              outcome
            }
            timeline {
              summary
            }
          }
        }
      `,
      { id: complaint.id },
    );
    expect(sent.body.data.sendComplaintResponse.stages).toEqual([{ outcome: 'partially-upheld' }]);
    expect(sent.body.data.sendComplaintResponse.timeline.at(-1)).toEqual({
      summary: 'Stage 1 answered late: partially upheld',
    });
    const again = await graphql(
      officer,
      `
        mutation ($id: ID!) {
          acknowledgeComplaint(id: $id) {
            id
          }
        }
      `,
      { id: complaint.id },
    );
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');

    const page1 = await graphql(
      officer,
      `
        {
          complaints(first: 2) {
            nodes {
              id
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `,
    );
    const page2 = await graphql(
      officer,
      `
        query ($after: String) {
          complaints(first: 2, after: $after) {
            nodes {
              id
            }
          }
        }
      `,
      { after: page1.body.data.complaints.pageInfo.endCursor },
    );
    expect(page1.body.data.complaints.pageInfo.hasNextPage).toBe(true);
    const ids = [...page1.body.data.complaints.nodes, ...page2.body.data.complaints.nodes].map(
      (n: { id: string }) => n.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(complaint.id);
    const rest = await http().get('/api/v1/complaints?limit=1').set('Authorization', officer).expect(200);
    expect(rest.body.nextCursor).toEqual(expect.any(String));
    await http().get('/api/v1/complaints?limit=1000').set('Authorization', officer).expect(400);
  });

  it('refuses remedies without the details their kind needs, and hands a fee waiver to payments with its fee', async () => {
    const { caseId } = await announceCase(app);
    const c = (
      await http()
        .post('/api/v1/complaints')
        .set('Authorization', officer)
        .send({ category: 'fees', caseIds: [caseId] })
        .expect(201)
    ).body;
    for (const path of ['acknowledgement', 'investigation'])
      await http().post(`/api/v1/complaints/${c.id}/${path}`).set('Authorization', officer).send({}).expect(200);
    await http()
      .post(`/api/v1/complaints/${c.id}/response-draft`)
      .set('Authorization', officer)
      .send({ templateId: 'stage-1-response', text: 'both' })
      .expect(400);
    await http()
      .post(`/api/v1/complaints/${c.id}/response-draft`)
      .set('Authorization', officer)
      .send({ text: 'We were wrong to charge you.' })
      .expect(200);
    await http()
      .post(`/api/v1/complaints/${c.id}/response`)
      .set('Authorization', officer)
      .send({ outcome: 'upheld' })
      .expect(200);

    const remedy = (body: object) =>
      http().post(`/api/v1/complaints/${c.id}/remedies`).set('Authorization', officer).send(body);
    expect((await remedy({ kind: 'refund', amountPence: 1000 }).expect(400)).body.errors).toEqual([
      { field: 'caseId', message: 'is required for a refund: it is paid against the case' },
    ]);
    expect((await remedy({ kind: 'refund', amountPence: 10.5, caseId }).expect(400)).body.errors[0].field).toBe(
      'amountPence',
    );
    expect((await remedy({ kind: 'refund', amountPence: 1000, caseId: randomUUID() }).expect(400)).body.errors).toEqual(
      [{ field: 'caseId', message: 'must be one of the cases the complaint is about' }],
    );
    expect((await remedy({ kind: 'apology' }).expect(400)).body.errors).toEqual([
      { field: 'description', message: 'is required for apology' },
    ]);
    expect((await remedy({ kind: 'fee-waiver', amountPence: 27300, caseId }).expect(400)).body.errors).toEqual([
      { field: 'feeCode', message: 'is required for a fee waiver' },
    ]);
    await remedy({ kind: 'apology', description: 'We apologise for the wrong charge.' }).expect(201);
    const waived = await remedy({ kind: 'fee-waiver', amountPence: 27300, caseId, feeCode: 'FEE0202' }).expect(201);
    expect(
      waived.body.remedies.map((r: { kind: string; paymentStatus: string | null }) => [r.kind, r.paymentStatus]),
    ).toEqual([
      ['apology', null],
      ['fee-waiver', 'sent-to-payments'],
    ]);
    const handed = (await outbox(app, 'complaints.financial-remedy-agreed.v2'))
      .filter((e) => e.subject === c.id)
      .map((e) => e.data);
    expect(handed).toEqual([
      {
        complaintId: c.id,
        remedyId: waived.body.remedies[1].id,
        kind: 'fee-waiver',
        amountPence: 27300,
        caseId,
        feeCode: 'FEE0202',
        agreedBy: 'complaints-officer-user',
        complaintCaseIds: [caseId],
      },
    ]);
    // Payments reports on the waiver as it does on a refund: awaiting approval, then decided.
    const waiverId = randomUUID();
    const remedyId = waived.body.remedies[1].id as string;
    const waiverStatus = async () =>
      (await http().get(`/api/v1/complaints/${c.id}`).set('Authorization', officer).expect(200)).body.remedies[1];
    await publish(feeWaiverRequestedV1, waiverId, {
      waiverId,
      caseId,
      complaintId: c.id,
      feeCode: 'FEE0202',
      amountPence: 27300,
      requestedBy: 'complaints-officer-user',
      remedyId,
    });
    await eventually(async () =>
      expect(await waiverStatus()).toMatchObject({ paymentStatus: 'awaiting-approval', refundId: waiverId }),
    );
    await publish(feeWaiverDecidedV1, waiverId, {
      waiverId,
      caseId,
      decision: 'approved',
      remittedPence: 27300,
      remedyId,
    });
    await eventually(async () =>
      expect(await waiverStatus()).toMatchObject({ paymentStatus: 'approved', refundId: waiverId }),
    );

    await http()
      .post(`/api/v1/complaints/${c.id}/closure`)
      .set('Authorization', officer)
      .send({ businessArea: '', causeCategory: 'x' })
      .expect(400);
    await http()
      .post(`/api/v1/complaints/${c.id}/closure`)
      .set('Authorization', officer)
      .send({ businessArea: 'fees-office', causeCategory: 'wrong-fee' })
      .expect(200);
    await remedy({ kind: 'apology', description: 'again' }).expect(409);
    await http().post(`/api/v1/complaints/${c.id}/escalation`).set('Authorization', officer).expect(409);
  });

  it('has a Tier 1+ response sent by a senior leader, not by the officer who drafted it', async () => {
    const leader = await bearer('team-leader');
    const c = (
      await http()
        .post('/api/v1/complaints')
        .set('Authorization', officer)
        .send({ category: 'staff-conduct', severity: 'tier-1-plus' })
        .expect(201)
    ).body;
    for (const path of ['acknowledgement', 'investigation'])
      await http().post(`/api/v1/complaints/${c.id}/${path}`).set('Authorization', officer).send({}).expect(200);
    await http()
      .post(`/api/v1/complaints/${c.id}/response-draft`)
      .set('Authorization', officer)
      .send({ templateId: 'stage-1-response', findings: 'Drafted for the director.' })
      .expect(200);
    const refused = await http()
      .post(`/api/v1/complaints/${c.id}/response`)
      .set('Authorization', officer)
      .send({ outcome: 'upheld' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const sent = await http()
      .post(`/api/v1/complaints/${c.id}/response`)
      .set('Authorization', leader)
      .send({ outcome: 'upheld' })
      .expect(200);
    expect(sent.body.stages[0]).toMatchObject({ status: 'response-sent', outcome: 'upheld', answeredOnTime: true });
  });

  it('flags stages at risk in their last two working days and breached after the deadline, in one run for all', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await http()
            .post('/api/v1/complaints')
            .set('Authorization', officer)
            .send({ category: 'delay', receivedAt: '2025-12-19T10:30:00Z' })
            .expect(201)
        ).body.id,
      );
    }
    const answered = ids[2];
    for (const path of ['acknowledgement', 'investigation'])
      await http().post(`/api/v1/complaints/${answered}/${path}`).set('Authorization', officer).send({}).expect(200);
    await http()
      .post(`/api/v1/complaints/${answered}/response-draft`)
      .set('Authorization', officer)
      .send({ text: 'Answered.' })
      .expect(200);
    await http()
      .post(`/api/v1/complaints/${answered}/response`)
      .set('Authorization', officer)
      .send({ outcome: 'not-upheld' })
      .expect(200);
    const sla = app.get(ComplaintSlaRun);
    const stage = async (id: string) =>
      (await http().get(`/api/v1/complaints/${id}`).set('Authorization', officer).expect(200)).body.stages[0];

    // Before the run of Tuesday 6 January 2026 nothing is flagged: day 9 of 10.
    await sla.run(londonInstant('2026-01-05', '12:00'));
    expect(await stage(ids[0])).toMatchObject({ atRisk: false, breached: false });
    await sla.run(londonInstant('2026-01-06', '12:00'));
    expect(await stage(ids[0])).toMatchObject({ atRisk: true, breached: false });
    expect(await stage(ids[1])).toMatchObject({ atRisk: true, breached: false });
    expect(await stage(answered)).toMatchObject({ atRisk: false });
    const breaches = () =>
      outbox(app, 'complaints.complaint-stage-breached.v1').then((events) =>
        events.filter((e) => ids.includes(e.subject)),
      );
    expect(await breaches()).toEqual([]);

    // The end of Wednesday 7 January is the deadline; just after midnight both are breached, once.
    const late = await sla.run(londonInstant('2026-01-08', '00:05'));
    expect(late.breached).toBeGreaterThanOrEqual(2);
    expect(await stage(ids[0])).toMatchObject({ atRisk: false, breached: true });
    expect((await breaches()).map((e) => e.subject).sort()).toEqual([ids[0], ids[1]].sort());
    await Promise.all([sla.run(londonInstant('2026-01-09', '09:00')), sla.run(londonInstant('2026-01-09', '09:00'))]);
    expect(await breaches()).toHaveLength(2);
  });
});
