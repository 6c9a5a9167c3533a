import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

describe('court results', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;
  let judge: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    [caseworker, judge] = await Promise.all([bearer('caseworker'), bearer('judiciary')]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  /** A listed prosecution of these defendants (one by default). */
  const prosecution = async (defendants = ['Dana Defendant']) => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({
        caseType: 'criminal-prosecution',
        parties: [
          { role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service', representedBy: 'cps' },
          ...defendants.map((name) => ({ role: 'defendant', kind: 'person', name })),
        ],
      })
      .expect(201);
    expect(created.body.state).toBe('Charged');
    await http()
      .post(`/api/v1/cases/${created.body.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'list' })
      .expect(200);
    const parties = created.body.parties as { id: string }[];
    return {
      id: created.body.id as string,
      defendant: parties[1]!.id,
      defendants: parties.slice(1).map((p) => p.id),
      victim: parties[0]!.id,
    };
  };
  const outbox = (type: string, caseId: string) =>
    app
      .get(DataSource)
      .query(`SELECT envelope FROM outbox WHERE type = $1 AND message_key = $2 ORDER BY position`, [
        type,
        caseId,
      ]) as Promise<{ envelope: { data: unknown } }[]>;

  /** A hearing of the case as it stands now (listing refuses a start in the past, so it is written as it would be by then). */
  const hearing = (caseId: string, venueName: string, startsAt: Date, status: string) =>
    app.get(DataSource).query(
      `INSERT INTO hearings (id, case_id, venue_id, venue_name, hearing_type, starts_at, duration_minutes, status,
         listed_by, created_at, updated_at, updated_by, reason)
       VALUES (gen_random_uuid(), $1, 'V1', $2, 'trial', $3, 60, $4::varchar, 'clerk', now(), now(), 'clerk',
         CASE WHEN $4::varchar IN ('adjourned', 'vacated') THEN 'called off' END)`,
      [caseId, venueName, startsAt, status],
    );
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

  it('publishes one event carrying every imposition, in pence, with its creditor, and the court', async () => {
    const { id, defendant, victim } = await prosecution();
    // The court is where the latest hearing that sat was: not one called off or never started, nor one to come.
    await hearing(id, "Cardiff Magistrates' Court", daysAgo(3), 'completed');
    await hearing(id, "Newport Magistrates' Court", daysAgo(2), 'vacated');
    await hearing(id, "Barry Magistrates' Court", daysAgo(1), 'listed');
    await hearing(id, "Swansea Magistrates' Court", new Date(Date.now() + 86_400_000), 'listed');
    const impositions = [
      { kind: 'fine', amountPence: 44000, creditor: 'central-funds' },
      { kind: 'compensation', amountPence: 15000, creditor: victim },
      { kind: 'victim-surcharge', amountPence: 17600, creditor: 'central-funds' },
    ];
    const recorded = await http()
      .post(`/api/v1/cases/${id}/results`)
      .set('Authorization', judge)
      .send({ defendantPartyId: defendant, outcome: 'Guilty plea: fined', impositions })
      .expect(201);
    expect(recorded.body).toMatchObject({ caseId: id, impositions, resultedBy: 'judiciary-user' });
    expect((await http().get(`/api/v1/cases/${id}`).set('Authorization', caseworker).expect(200)).body.state).toBe(
      'Resulted',
    );

    const events = await outbox('cases.case-resulted.v2', id);
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data).toEqual({
      caseId: id,
      reference: expect.stringMatching(/^\d{16}$/),
      resultId: recorded.body.id,
      defendantPartyId: defendant,
      outcome: 'Guilty plea: fined',
      impositions,
      court: "Cardiff Magistrates' Court",
      resultedAt: recorded.body.resultedAt,
    });
  });

  it('results co-defendants one by one, each with its own event, and the case only once all of them are', async () => {
    const {
      id,
      defendants: [dana, dev],
    } = await prosecution(['Dana Defendant', 'Dev Codefendant']);
    const result = (defendantPartyId: string, amountPence: number) =>
      http()
        .post(`/api/v1/cases/${id}/results`)
        .set('Authorization', judge)
        .send({
          defendantPartyId,
          outcome: 'Guilty: fined',
          impositions: [{ kind: 'fine', amountPence, creditor: 'central-funds' }],
        });
    const state = async () =>
      (await http().get(`/api/v1/cases/${id}`).set('Authorization', caseworker).expect(200)).body.state;

    await result(dana, 30_000).expect(201);
    expect(await state()).toBe('Listed');
    expect(await outbox('cases.case-state-changed.v1', id)).toHaveLength(1); // the listing only
    // The same defendant again is a conflict, and changes nothing.
    const again = await result(dana, 30_000).expect(409);
    expect(again.body.detail).toBe('Dana Defendant has already been resulted on this case');

    await result(dev, 45_000).expect(201);
    expect(await state()).toBe('Resulted');
    const resulted = await outbox('cases.case-resulted.v2', id);
    expect(
      resulted.map((e) => {
        const data = e.envelope.data as { defendantPartyId: string; impositions: { amountPence: number }[] };
        return [data.defendantPartyId, data.impositions[0]?.amountPence];
      }),
    ).toEqual([
      [dana, 30_000],
      [dev, 45_000],
    ]);
    expect(
      (await outbox('cases.case-state-changed.v1', id)).map((e) => (e.envelope.data as { event: string }).event),
    ).toEqual(['list', 'result']);
    // Resulted: a further result is not possible.
    await result(dana, 1).expect(409);

    // The case's history, which every party reads, carries no defendant's outcome: the move to Resulted has no
    // reason, and one an earlier build wrote there (the last defendant's outcome) is read by staff only.
    const history = async (who: string) =>
      (await http().get(`/api/v1/cases/${id}/history`).set('Authorization', who).expect(200)).body as {
        event: string;
        reason: string | null;
      }[];
    expect((await history(caseworker)).find((e) => e.event === 'result')).toMatchObject({ reason: null });
    await app
      .get(DataSource)
      .query(
        `UPDATE case_history SET reason = 'Dev: community order with treatment' WHERE case_id = $1 AND event = 'result'`,
        [id],
      );
    const prosecutor = await bearer('professional', { org: 'cps', sub: 'cps-lawyer' });
    expect((await history(prosecutor)).find((e) => e.event === 'result')).toMatchObject({ reason: null });
    expect((await history(caseworker)).find((e) => e.event === 'result')).toMatchObject({
      reason: 'Dev: community order with treatment',
    });
  });

  it('refuses bad results with field errors, and records and publishes nothing', async () => {
    const { id, defendant, victim } = await prosecution();
    const send = (body: object, who = judge) =>
      http().post(`/api/v1/cases/${id}/results`).set('Authorization', who).send(body);
    const fractional = await send({
      defendantPartyId: defendant,
      outcome: 'x',
      impositions: [{ kind: 'fine', amountPence: 100.5, creditor: 'central-funds' }],
    }).expect(400);
    expect(fractional.body.errors[0].field).toBe('impositions.0.amountPence');
    const wrongCreditor = await send({
      defendantPartyId: defendant,
      outcome: 'x',
      impositions: [{ kind: 'fine', amountPence: 100, creditor: victim }],
    }).expect(400);
    expect(wrongCreditor.body.errors).toEqual([
      { field: 'impositions.0.creditor', message: 'a fine is owed to central-funds' },
    ]);
    await send({ defendantPartyId: victim, outcome: 'x', impositions: [] }).expect(400);
    await send({ defendantPartyId: defendant, outcome: 'x', impositions: [], verdict: 'guilty' }).expect(400);
    await send(
      { defendantPartyId: defendant, outcome: 'x', impositions: [] },
      await bearer('professional', { org: 'cps' }),
    ).expect(403);
    expect(await outbox('cases.case-resulted.v2', id)).toHaveLength(0);
    expect((await http().get(`/api/v1/cases/${id}`).set('Authorization', caseworker).expect(200)).body.state).toBe(
      'Listed',
    );

    const civil = await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201);
    await http()
      .post(`/api/v1/cases/${civil.body.id}/results`)
      .set('Authorization', judge)
      .send({
        defendantPartyId: civil.body.parties[1].id,
        outcome: 'x',
        impositions: [{ kind: 'fine', amountPence: 100, creditor: 'central-funds' }],
      })
      .expect(400);
  });
});
