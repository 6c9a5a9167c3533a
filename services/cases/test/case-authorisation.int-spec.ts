import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { feesSettledV1 } from '@ccsc/contracts';
import { DataSource } from 'typeorm';
import { bearer, eventually, publishEvent, waitForLockWaiters } from '@ccsc/testing';
import { startCasesApp } from './cases-app';

/**
 * Authorisation by relationship: a caller acts as staff (by role) or for a party (the citizen who is
 * the party, or the firm that represents it). A case the caller may not see is not found; on a case
 * they see, an act that is not theirs is forbidden.
 */
describe('case authorisation by relationship', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;
  let judge: string;
  let claimantFirm: string;
  let defendantFirm: string;
  let unrelatedFirm: string;
  let claimantCitizen: string;
  let defendantCitizen: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    [caseworker, judge, claimantFirm, defendantFirm, unrelatedFirm, claimantCitizen, defendantCitizen] =
      await Promise.all([
        bearer('caseworker'),
        bearer('judiciary'),
        bearer('professional', { org: 'org-claimant' }),
        bearer('professional', { org: 'org-defendant' }),
        bearer('professional', { org: 'org-elsewhere' }),
        bearer('citizen', { sub: 'citizen-alex' }),
        bearer('citizen', { sub: 'citizen-dee' }),
      ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const graphql = (token: string, query: string, variables: Record<string, unknown>) =>
    http().post('/graphql').set('Authorization', token).send({ query, variables }).expect(200);
  const TRIGGER = 'mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { state } }';
  const event = (id: string, who: string, name: string) =>
    http().post(`/api/v1/cases/${id}/events`).set('Authorization', who).send({ event: name });

  /** A claim entered by staff, both sides represented and both with their own accounts. */
  const disputedClaim = async () =>
    (
      await http()
        .post('/api/v1/cases')
        .set('Authorization', caseworker)
        .send({
          caseType: 'civil-money-claim',
          parties: [
            {
              role: 'claimant',
              kind: 'person',
              name: 'Alex Claimant',
              email: 'alex@example.com',
              phone: '020 7946 0000',
              postcode: 'CF10 1EP',
              addressLines: ['1 Bute Street', 'Cardiff'],
              userId: 'citizen-alex',
              representedBy: 'org-claimant',
              preferredLanguage: 'cy',
              reasonableAdjustments: ['hearing loop'],
              vulnerabilityFlags: ['domestic abuse'],
            },
            {
              role: 'defendant',
              kind: 'person',
              name: 'Dee Fendant',
              email: 'dee@example.com',
              userId: 'citizen-dee',
              representedBy: 'org-defendant',
            },
          ],
        })
        .expect(201)
    ).body as { id: string; parties: { id: string; role: string }[] };

  /** Submitted by the claimant's firm, the fee paid, and issued by staff. */
  const issuedClaim = async () => {
    const created = await disputedClaim();
    await event(created.id, claimantFirm, 'submit').expect(200);
    await publishEvent(feesSettledV1, created.id, { caseId: created.id, feeCodes: ['FEE0202'], settlement: 'paid' });
    await eventually(async () => event(created.id, caseworker, 'issue').expect(200));
    return created;
  };

  it("lets the claimant's side withdraw the claim, and never the defendant's", async () => {
    const { id } = await issuedClaim();
    for (const who of [defendantFirm, defendantCitizen]) {
      const refused = await event(id, who, 'withdraw').expect(403);
      expect(refused.body).toMatchObject({
        code: 'FORBIDDEN',
        detail: 'Only the claimant or their representative may withdraw the claim',
      });
    }
    const viaGraphql = await graphql(defendantFirm, TRIGGER, { i: { caseId: id, event: 'withdraw' } });
    expect(viaGraphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // A firm with no party on the case does not learn that it exists.
    await event(id, unrelatedFirm, 'withdraw').expect(404);
    expect((await http().get(`/api/v1/cases/${id}`).set('Authorization', caseworker).expect(200)).body.state).toBe(
      'Issued',
    );

    expect((await event(id, claimantFirm, 'withdraw').expect(200)).body.state).toBe('Withdrawn');
  });

  it('neither locks nor reads a case for a caller who may not see it: "not found" while its writers hold it', async () => {
    const { id } = await disputedClaim();
    const runner = app.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [id]);
      // A stranger's write on it is answered at once, without queuing behind the writer's lock.
      await event(id, unrelatedFirm, 'withdraw').expect(404);
      // A party's own write waits for the writer, as it should.
      const waiting = event(id, claimantFirm, 'withdraw').then((res) => res.status);
      await waitForLockWaiters(app.get(DataSource));
      await runner.commitTransaction();
      expect(await waiting).toBe(200);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('lets the claimant themselves withdraw, as a citizen', async () => {
    const { id } = await disputedClaim();
    expect((await event(id, claimantCitizen, 'withdraw').expect(200)).body.state).toBe('Withdrawn');
  });

  it('lets the judiciary stay, strike out and decide, and nobody else', async () => {
    const stayed = await issuedClaim();
    for (const who of [claimantFirm, defendantCitizen, caseworker]) await event(stayed.id, who, 'stay').expect(403);
    expect((await event(stayed.id, judge, 'stay').expect(200)).body.state).toBe('Stayed');
    expect(
      (await graphql(judge, TRIGGER, { i: { caseId: stayed.id, event: 'strike-out' } })).body.data.triggerCaseEvent
        .state,
    ).toBe('StruckOut');
    const history = await http().get(`/api/v1/cases/${stayed.id}/history`).set('Authorization', caseworker).expect(200);
    expect(history.body.slice(-2).map((h: { event: string; actor: string }) => [h.event, h.actor])).toEqual([
      ['stay', 'judiciary-user'],
      ['strike-out', 'judiciary-user'],
    ]);

    // A tribunal appeal, brought to its hearing by staff, is decided by the judge.
    const appeal = (
      await http()
        .post('/api/v1/cases')
        .set('Authorization', caseworker)
        .send({
          caseType: 'social-security-appeal',
          parties: [
            { role: 'appellant', kind: 'person', name: 'Ash' },
            { role: 'respondent', kind: 'organisation', name: 'DWP' },
          ],
        })
        .expect(201)
    ).body;
    for (const step of ['submit', 'send-to-respondent', 'response-received', 'list'])
      await event(appeal.id, caseworker, step).expect(200);
    await event(appeal.id, caseworker, 'decide').expect(403);
    // The judge's decision is recorded first; "decide" then moves the case to decided.
    await http()
      .post(`/api/v1/cases/${appeal.id}/decisions`)
      .set('Authorization', judge)
      .send({
        outcome: 'Appeal allowed',
        legalBasis: 'Social Security Act 1998, s.12',
        reasons: 'As found.',
        evidenceReferences: [],
      })
      .expect(201);
    const decided = await http()
      .post(`/api/v1/cases/${appeal.id}/events`)
      .set('Authorization', judge)
      .send({ event: 'decide', reason: 'Appeal allowed' })
      .expect(200);
    expect(decided.body.state).toBe('Decided');
  });

  it('lets a professional name only their own firm, and only for their own client', async () => {
    const before = (await http().get('/api/v1/cases?limit=100').set('Authorization', caseworker)).body.items.length;
    const open = (who: string, parties: Record<string, unknown>[]) =>
      http().post('/api/v1/cases').set('Authorization', who).send({ caseType: 'civil-money-claim', parties });
    const claimant = { role: 'claimant', kind: 'person', name: 'Alex' };
    const defendant = { role: 'defendant', kind: 'person', name: 'Dee' };

    const otherFirm = await open(claimantFirm, [
      { ...claimant, representedBy: 'org-claimant' },
      { ...defendant, representedBy: 'org-elsewhere' },
    ]).expect(403);
    expect(otherFirm.body).toMatchObject({
      code: 'FORBIDDEN',
      detail: "You may name only your own firm as a party's representative",
    });
    await open(claimantFirm, [
      { ...claimant, representedBy: 'org-claimant' },
      { ...defendant, representedBy: 'org-claimant' },
    ]).expect(403);
    await open(claimantFirm, [
      { ...claimant, representedBy: 'org-claimant' },
      { ...defendant, userId: 'citizen-dee' },
    ]).expect(403);
    await open(claimantCitizen, [claimant, { ...defendant, representedBy: 'org-defendant' }]).expect(403);
    const viaGraphql = await graphql(claimantFirm, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
      i: { caseType: 'civil-money-claim', parties: [{ ...claimant, representedBy: 'org-elsewhere' }, defendant] },
    });
    expect(viaGraphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await http().get('/api/v1/cases?limit=100').set('Authorization', caseworker)).body.items.length).toBe(
      before,
    );

    const { id } = (await open(claimantFirm, [{ ...claimant, representedBy: 'org-claimant' }, defendant]).expect(201))
      .body;
    const defendantId = (await http().get(`/api/v1/cases/${id}`).set('Authorization', caseworker)).body.parties[1].id;
    const add = (body: Record<string, unknown>) =>
      http().post(`/api/v1/cases/${id}/parties`).set('Authorization', claimantFirm).send(body);
    await add({ ...defendant, name: 'Second Defendant', representedBy: 'org-claimant' }).expect(403);
    await add({ ...defendant, name: 'Second Defendant', representedBy: 'org-elsewhere' }).expect(403);
    await add({ ...claimant, name: 'Joint Claimant', representedBy: 'org-claimant' }).expect(201);
    await add({ ...defendant, name: 'Second Defendant' }).expect(201);
    await http()
      .put(`/api/v1/cases/${id}/parties/${defendantId}/representation`)
      .set('Authorization', claimantFirm)
      .send({ organisationId: 'org-claimant' })
      .expect(403);
    await http().get(`/api/v1/cases/${id}`).set('Authorization', unrelatedFirm).expect(404);
  });

  it('shows the other side who a party is, never its contact details, needs or referrals', async () => {
    const { id, parties } = await disputedClaim();
    const claimantId = parties.find((p) => p.role === 'claimant')!.id;
    await http()
      .post(`/api/v1/cases/${id}/assisted-digital-referrals`)
      .set('Authorization', caseworker)
      .send({ partyId: claimantId, needs: ['disability', 'no-device'] })
      .expect(201);

    const claimantSeenBy = async (who: string) =>
      (await http().get(`/api/v1/cases/${id}`).set('Authorization', who).expect(200)).body.parties.find(
        (p: { id: string }) => p.id === claimantId,
      );
    for (const who of [defendantFirm, defendantCitizen]) {
      expect(await claimantSeenBy(who)).toEqual({
        id: claimantId,
        role: 'claimant',
        kind: 'person',
        name: 'Alex Claimant',
        representedBy: 'org-claimant',
      });
      expect(
        (await http().get(`/api/v1/cases/${id}/assisted-digital-referrals`).set('Authorization', who).expect(200)).body,
      ).toEqual([]);
    }
    for (const who of [claimantFirm, claimantCitizen, caseworker]) {
      expect(await claimantSeenBy(who)).toMatchObject({
        email: 'alex@example.com',
        postcode: 'CF101EP',
        addressLines: ['1 Bute Street', 'Cardiff'],
        preferredLanguage: 'cy',
        vulnerabilityFlags: ['domestic abuse'],
      });
      expect(
        (await http().get(`/api/v1/cases/${id}/assisted-digital-referrals`).set('Authorization', who).expect(200)).body,
      ).toEqual([expect.objectContaining({ partyId: claimantId, needs: ['disability', 'no-device'] })]);
    }

    const READ = `query($id: ID!) { case(id: $id) { parties { id email phone postcode addressLines preferredLanguage reasonableAdjustments vulnerabilityFlags representedBy } assistedDigitalReferrals { needs } } }`;
    const opponent = (await graphql(defendantFirm, READ, { id })).body.data.case;
    expect(opponent.parties.find((p: { id: string }) => p.id === claimantId)).toEqual({
      id: claimantId,
      email: null,
      phone: null,
      postcode: null,
      addressLines: null,
      preferredLanguage: null,
      reasonableAdjustments: null,
      vulnerabilityFlags: null,
      representedBy: 'org-claimant',
    });
    // Their own party's details are theirs to see.
    expect(opponent.parties.find((p: { id: string }) => p.id !== claimantId)).toMatchObject({
      email: 'dee@example.com',
      // Dee never said which language: not stated, rather than taken to be English.
      preferredLanguage: null,
    });
    expect(opponent.assistedDigitalReferrals).toEqual([]);
    expect((await graphql(defendantCitizen, READ, { id })).body.data.case.parties[0]).toMatchObject({
      id: claimantId,
      postcode: null,
      addressLines: null,
    });
    const ownSide = (await graphql(claimantCitizen, READ, { id })).body.data.case;
    expect(ownSide.assistedDigitalReferrals).toEqual([{ needs: ['disability', 'no-device'] }]);
    for (const who of [claimantCitizen, claimantFirm, caseworker]) {
      expect((await graphql(who, READ, { id })).body.data.case.parties[0]).toMatchObject({
        id: claimantId,
        postcode: 'CF101EP',
        addressLines: ['1 Bute Street', 'Cardiff'],
      });
    }

    // Nor can the other side find the party's postcode by searching, or change the party's details.
    const byPostcode = (who: string) =>
      http().get('/api/v1/cases/search?postcode=CF10%201EP').set('Authorization', who).expect(200);
    expect((await byPostcode(defendantFirm)).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await byPostcode(claimantFirm)).body.items.map((c: { id: string }) => c.id)).toContain(id);
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimantId}`)
      .set('Authorization', defendantFirm)
      .send({ email: 'mine@example.com' })
      .expect(403);
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimantId}`)
      .set('Authorization', defendantFirm)
      .send({ addressLines: null })
      .expect(403);
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimantId}`)
      .set('Authorization', defendantCitizen)
      .send({ phone: '020 0000 0000' })
      .expect(403);
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimantId}`)
      .set('Authorization', claimantCitizen)
      .send({ phone: '020 1111 1111' })
      .expect(200);
    // The other side's refused change left the address where it was.
    expect((await claimantSeenBy(caseworker)).addressLines).toEqual(['1 Bute Street', 'Cardiff']);
  });

  it("keeps the paying side's fees and who did what from the other side", async () => {
    const { id } = await issuedClaim();
    const read = async (who: string) =>
      (await http().get(`/api/v1/cases/${id}`).set('Authorization', who).expect(200)).body as {
        fees: { code: string; status: string }[];
      };
    // A remitted fee would tell the defendant the claimant had Help with Fees: fees are the payer's business.
    for (const who of [claimantFirm, claimantCitizen, caseworker])
      expect((await read(who)).fees).toEqual([expect.objectContaining({ code: 'FEE0202', status: 'paid' })]);
    for (const who of [defendantFirm, defendantCitizen]) expect((await read(who)).fees).toEqual([]);
    // Nor does readiness tell the other side what the claim waits for (its fees, open referrals).
    for (const who of [defendantFirm, defendantCitizen])
      await http().get(`/api/v1/cases/${id}/readiness?event=ready-for-listing`).set('Authorization', who).expect(403);
    await http()
      .get(`/api/v1/cases/${id}/readiness?event=ready-for-listing`)
      .set('Authorization', claimantFirm)
      .expect(200);
    // On GraphQL the refusal keeps its code, though it comes from a field resolver.
    const readiness = await graphql(
      defendantFirm,
      'query($id: ID!) { case(id: $id) { readiness(event: "ready-for-listing") { ready } } }',
      { id },
    );
    expect(readiness.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const history = async (who: string) =>
      (await http().get(`/api/v1/cases/${id}/history`).set('Authorization', who).expect(200)).body as {
        event: string;
        actor?: string;
      }[];
    expect((await history(caseworker)).map((h) => h.actor)).toEqual([expect.any(String), expect.any(String)]);
    for (const who of [defendantFirm, claimantCitizen]) {
      const seen = await history(who);
      expect(seen.map((h) => h.event)).toEqual(['submit', 'issue']);
      expect(seen.every((h) => h.actor === undefined)).toBe(true);
    }
    const READ = 'query($id: ID!) { case(id: $id) { fees { code } history { event actor } } }';
    expect((await graphql(defendantFirm, READ, { id })).body.data.case).toEqual({
      fees: [],
      history: [
        { event: 'submit', actor: null },
        { event: 'issue', actor: null },
      ],
    });
  });

  it('lets whoever acts for a party take its firm off the record, and nobody but staff name one', async () => {
    const { id, parties } = await disputedClaim();
    const claimantId = parties.find((p) => p.role === 'claimant')!.id;
    const represent = (who: string, organisationId: string | null) =>
      http()
        .put(`/api/v1/cases/${id}/parties/${claimantId}/representation`)
        .set('Authorization', who)
        .send({ organisationId });
    await represent(claimantFirm, 'org-elsewhere').expect(403);
    await represent(claimantCitizen, 'org-elsewhere').expect(403);
    await represent(defendantFirm, null).expect(403);
    // The party discharges its firm, whose access ends at once.
    expect((await represent(claimantCitizen, null).expect(200)).body.representedBy).toBeUndefined();
    await http().get(`/api/v1/cases/${id}`).set('Authorization', claimantFirm).expect(404);
    expect((await represent(caseworker, 'org-elsewhere').expect(200)).body.representedBy).toBe('org-elsewhere');
    await http().get(`/api/v1/cases/${id}`).set('Authorization', unrelatedFirm).expect(200);
  });
});
