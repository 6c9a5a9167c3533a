import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer, eventually } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

describe('documents and assisted-digital referrals', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    caseworker = await bearer('caseworker');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  /** A money claim between the two parties, made by a caseworker; its id. */
  const claimBetween = async (...parties: object[]): Promise<string> =>
    (await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim({ parties })).expect(201)).body.id;

  it('accepts online documents as they come and holds scanned ones for review; a rejection needs a reason', async () => {
    const { body: created } = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(claim())
      .expect(201);
    const doc = (channel: string) => ({
      title: 'Evidence',
      documentType: 'evidence',
      channel,
      storeReference: `dm-store://${channel}`,
    });
    const online = await http()
      .post(`/api/v1/cases/${created.id}/documents`)
      .set('Authorization', caseworker)
      .send(doc('online'))
      .expect(201);
    // Given no language, it is English.
    expect(online.body).toMatchObject({ status: 'accepted', language: 'en' });
    expect(await receivedEvent(online.body.id)).toEqual({
      caseId: created.id,
      documentId: online.body.id,
      documentType: 'evidence',
      channel: 'online',
      status: 'accepted',
      language: 'en',
      caseType: 'civil-money-claim',
    });
    const scanned = await http()
      .post(`/api/v1/cases/${created.id}/documents`)
      .set('Authorization', caseworker)
      .send(doc('bulk-scan'))
      .expect(201);
    expect(scanned.body.status).toBe('pending-review');

    const noReason = await http()
      .post(`/api/v1/cases/${created.id}/documents/${scanned.body.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'rejected' })
      .expect(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: 'is required when rejecting' }]);
    const rejected = await http()
      .post(`/api/v1/cases/${created.id}/documents/${scanned.body.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'rejected', reason: 'Illegible scan' })
      .expect(201);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Illegible scan' });
    await http()
      .post(`/api/v1/cases/${created.id}/documents/${scanned.body.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'accepted' })
      .expect(409);

    const bad = await http()
      .post(`/api/v1/cases/${created.id}/documents`)
      .set('Authorization', caseworker)
      .send({ ...doc('fax'), colour: 'blue' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'colour']);
    expect(
      (await http().get(`/api/v1/cases/${created.id}/documents`).set('Authorization', caseworker).expect(200)).body,
    ).toHaveLength(2);
  });

  it('takes no party or assisted-digital referral on a case that has ended, and changes nothing; documents still come', async () => {
    const { body: created } = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(claim())
      .expect(201);
    await http()
      .post(`/api/v1/cases/${created.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'withdraw' })
      .expect(200);
    const outbox = async () => (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox`))[0].n;
    const before = await outbox();
    const document = {
      title: 'Evidence',
      documentType: 'evidence',
      channel: 'bulk-scan',
      storeReference: 'dm-store://x',
    };
    const refusals = [
      [
        `/api/v1/cases/${created.id}/parties`,
        { role: 'defendant', kind: 'person', name: 'Late Comer' },
        'The case is Withdrawn: no party is added to a case that has ended',
      ],
      [
        `/api/v1/cases/${created.id}/assisted-digital-referrals`,
        { partyId: created.parties[0].id, needs: ['no-device'] },
        'The case is Withdrawn: no one is referred for help with it once it has ended',
      ],
    ] as const;
    for (const [path, body, detail] of refusals) {
      const refused = await http().post(path).set('Authorization', caseworker).send(body).expect(409);
      expect(refused.body.detail).toBe(detail);
    }
    expect(await outbox()).toBe(before);
    // Papers still arrive after a case ends (an application to set aside or reinstate, a notice): received.
    await http()
      .post(`/api/v1/cases/${created.id}/documents`)
      .set('Authorization', caseworker)
      .send(document)
      .expect(201);
  });

  /** The data of the `cases.document-received` event published for a document: one, of v2 (no v1 besides). */
  const receivedEvent = async (documentId: string) => {
    const rows = (await app.get(DataSource).query(
      `SELECT type, envelope->'data' AS data FROM outbox
          WHERE type LIKE 'cases.document-received.%' AND envelope->'data'->>'documentId' = $1`,
      [documentId],
    )) as { type: string; data: object }[];
    expect(rows.map((r) => r.type)).toEqual(['cases.document-received.v2']);
    return rows[0].data;
  };

  it("stores, returns and publishes the language a document is written in, with the case's type", async () => {
    const { body: probate } = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({ caseType: 'probate', parties: [{ role: 'applicant', kind: 'person', name: 'Siân Jones' }] })
      .expect(201);
    const id = probate.id as string;
    const welsh = {
      title: 'Ewyllys',
      documentType: 'will',
      channel: 'bulk-scan',
      language: 'cy',
      storeReference: 'dm-store://scan/cy',
    };
    const scanned = await http()
      .post(`/api/v1/cases/${id}/documents`)
      .set('Authorization', caseworker)
      .send(welsh)
      .expect(201);
    expect(scanned.body).toMatchObject({ channel: 'bulk-scan', status: 'pending-review', language: 'cy' });
    // The work queue routes the review task by the document's language and the case's type.
    expect(await receivedEvent(scanned.body.id)).toEqual({
      caseId: id,
      documentId: scanned.body.id,
      documentType: 'will',
      channel: 'bulk-scan',
      status: 'pending-review',
      language: 'cy',
      caseType: 'probate',
    });

    const RECEIVE = 'mutation($i: ReceiveDocumentInput!) { receiveDocument(input: $i) { id language } }';
    const receive = (i: Record<string, unknown>) =>
      http()
        .post('/graphql')
        .set('Authorization', caseworker)
        .send({ query: RECEIVE, variables: { i: { caseId: id, ...i } } });
    const viaGraphql = await receive({ ...welsh, storeReference: 'dm-store://gql/cy' }).expect(200);
    expect(viaGraphql.body.errors).toBeUndefined();
    expect(viaGraphql.body.data.receiveDocument.language).toBe('cy');
    expect(await receivedEvent(viaGraphql.body.data.receiveDocument.id)).toMatchObject({
      language: 'cy',
      caseType: 'probate',
    });
    const defaulted = await receive({ ...welsh, language: undefined, storeReference: 'dm-store://gql/en' }).expect(200);
    expect(defaulted.body.data.receiveDocument.language).toBe('en');

    // Neither English nor Welsh: refused as bad input, and nothing is recorded.
    for (const language of ['fr', 'CY', 'welsh', '', 7]) {
      const bad = await http()
        .post(`/api/v1/cases/${id}/documents`)
        .set('Authorization', caseworker)
        .send({ ...welsh, language })
        .expect(400);
      expect(bad.body).toMatchObject({
        code: 'BAD_USER_INPUT',
        errors: [expect.objectContaining({ field: 'language' })],
      });
      const refused = await receive({ ...welsh, language });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }

    const rest = await http().get(`/api/v1/cases/${id}/documents`).set('Authorization', caseworker).expect(200);
    expect(rest.body.map((d: { language: string }) => d.language).sort()).toEqual(['cy', 'cy', 'en']);
    const { body } = await http()
      .post('/graphql')
      .set('Authorization', caseworker)
      .send({ query: 'query($id: ID!) { case(id: $id) { documents { id language } } }', variables: { id } })
      .expect(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.case.documents).toHaveLength(3);
    expect(body.data.case.documents).toEqual(
      expect.arrayContaining([
        { id: scanned.body.id, language: 'cy' },
        { id: viaGraphql.body.data.receiveDocument.id, language: 'cy' },
        { id: defaulted.body.data.receiveDocument.id, language: 'en' },
      ]),
    );
  });

  it('holds a case back while an assisted-digital referral is open, where its case type says so', async () => {
    const { body: appeal } = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({
        caseType: 'social-security-appeal',
        parties: [
          { role: 'appellant', kind: 'person', name: 'Ana' },
          { role: 'respondent', kind: 'organisation', name: 'DWP' },
        ],
      })
      .expect(201);
    await http()
      .post(`/api/v1/cases/${appeal.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'submit' })
      .expect(200);
    const referral = await http()
      .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals`)
      .set('Authorization', caseworker)
      .send({ partyId: appeal.parties[0].id, needs: ['no-device', 'low-digital-confidence'] })
      .expect(201);
    expect(referral.body.status).toBe('referred');

    const blocked = await http()
      .get(`/api/v1/cases/${appeal.id}/readiness?event=send-to-respondent`)
      .set('Authorization', caseworker)
      .expect(200);
    expect(blocked.body.criteria).toEqual([
      expect.objectContaining({ id: 'no-open-assisted-digital-referral', met: false }),
    ]);
    await http()
      .post(`/api/v1/cases/${appeal.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'send-to-respondent' })
      .expect(409);

    const status = (s: string) =>
      http()
        .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals/${referral.body.id}/status`)
        .set('Authorization', caseworker)
        .send({ status: s });
    await status('completed').expect(409);
    await status('accepted').expect(201);
    await status('completed').expect(201);
    await http()
      .post(`/api/v1/cases/${appeal.id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'send-to-respondent' })
      .expect(200);

    const bad = await http()
      .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals`)
      .set('Authorization', caseworker)
      .send({ partyId: appeal.parties[0].id, needs: ['telepathy'] })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('needs');
    await http()
      .post(`/api/v1/cases/${appeal.id}/assisted-digital-referrals`)
      .set('Authorization', await bearer('citizen'))
      .send({ partyId: appeal.parties[0].id, needs: ['no-device'] })
      .expect(403);
  });

  it('takes documents from a party, or its firm, online only: post, email and bulk scanning are the court’s to record', async () => {
    const [citizen, firm] = await Promise.all([
      bearer('citizen', { sub: 'citizen-alex' }),
      bearer('professional', { org: 'org-b', sub: 'solicitor-bo' }),
    ]);
    const id = await claimBetween(
      { role: 'claimant', kind: 'person', name: 'Alex Claimant', userId: 'citizen-alex' },
      { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd', representedBy: 'org-b' },
    );
    const outbox = async () => (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox`))[0].n;
    const before = await outbox();
    const file = (who: string, channel: string) =>
      http()
        .post(`/api/v1/cases/${id}/documents`)
        .set('Authorization', who)
        .send({ title: 'Defence', documentType: 'defence', channel, storeReference: 'dm-store://party' });
    for (const who of [citizen, firm])
      for (const channel of ['post', 'email', 'bulk-scan']) {
        const refused = await file(who, channel).expect(400);
        expect(refused.body.errors).toEqual([
          { field: 'channel', message: 'must be online: post, email and bulk scanning are recorded by the court' },
        ]);
      }
    expect(await outbox()).toBe(before);
    expect((await http().get(`/api/v1/cases/${id}/documents`).set('Authorization', caseworker)).body).toEqual([]);
    expect((await file(firm, 'online').expect(201)).body).toMatchObject({ status: 'accepted' });
  });

  it('shows the other side a document only once the court accepted it, and never one filed for the court only', async () => {
    const [claimantFirm, defendantCitizen] = await Promise.all([
      bearer('professional', { org: 'org-a', sub: 'solicitor-sol' }),
      bearer('citizen', { sub: 'citizen-dee' }),
    ]);
    const id = await claimBetween(
      { role: 'claimant', kind: 'person', name: 'Alex Claimant', representedBy: 'org-a' },
      { role: 'defendant', kind: 'person', name: 'Dee Defendant', userId: 'citizen-dee' },
    );
    const parties = (await http().get(`/api/v1/cases/${id}`).set('Authorization', caseworker).expect(200)).body
      .parties as { id: string; role: string }[];
    const claimant = parties.find((p) => p.role === 'claimant')!.id;
    const file = (who: string, body: object) =>
      http()
        .post(`/api/v1/cases/${id}/documents`)
        .set('Authorization', who)
        .send({ documentType: 'witness-statement', channel: 'online', storeReference: 'dm-store://d', ...body })
        .expect(201);
    const shared = (await file(claimantFirm, { title: 'Statement' })).body;
    expect(shared).toMatchObject({ sharedWith: 'parties', filedFor: [claimant], status: 'accepted' });
    const confidential = (await file(claimantFirm, { title: 'Refuge address', sharedWith: 'court' })).body;
    const posted = (await file(caseworker, { title: 'Posted statement', channel: 'post', forPartyId: claimant })).body;
    expect(posted).toMatchObject({ status: 'pending-review', filedFor: [claimant] });
    const titles = async (who: string) => {
      const rest = await http().get(`/api/v1/cases/${id}/documents`).set('Authorization', who).expect(200);
      const { body } = await http()
        .post('/graphql')
        .set('Authorization', who)
        .send({ query: 'query($id: ID!) { case(id: $id) { documents { title } } }', variables: { id } });
      const viaGraphql = (body.data.case.documents as { title: string }[]).map((d) => d.title);
      expect(viaGraphql).toEqual((rest.body as { title: string }[]).map((d) => d.title));
      return viaGraphql;
    };
    const timeline = async (who: string) =>
      (
        (await http().get(`/api/v1/cases/${id}/timeline`).set('Authorization', who).expect(200)).body as {
          summary: string;
        }[]
      ).filter((e) => e.summary.startsWith('Document'));
    const all = ['Statement', 'Refuge address', 'Posted statement'];
    expect(await titles(caseworker)).toEqual(all);
    expect(await titles(claimantFirm)).toEqual(all);
    expect(await titles(defendantCitizen)).toEqual(['Statement']);
    await eventually(async () => expect(await timeline(caseworker)).toHaveLength(3));
    expect(await timeline(claimantFirm)).toHaveLength(3);
    expect(await timeline(defendantCitizen)).toHaveLength(1);

    // Accepted on review, the posted statement is on the record for both sides; the refuge address never is.
    await http()
      .post(`/api/v1/cases/${id}/documents/${posted.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'accepted' })
      .expect(201);
    expect(await titles(defendantCitizen)).toEqual(['Statement', 'Posted statement']);
    // A confidential form the mailroom recorded as for everyone is kept to the court and its side on review.
    const form = (
      await file(caseworker, { title: 'C8 form', channel: 'post', forPartyId: claimant, documentType: 'c8-form' })
    ).body;
    const kept = await http()
      .post(`/api/v1/cases/${id}/documents/${form.id}/review`)
      .set('Authorization', caseworker)
      .send({ decision: 'accepted', sharedWith: 'court' })
      .expect(201);
    expect(kept.body).toMatchObject({ status: 'accepted', sharedWith: 'court' });
    expect(await titles(defendantCitizen)).toEqual(['Statement', 'Posted statement']);
    expect(await titles(claimantFirm)).toEqual([...all, 'C8 form']);
    expect(confidential.sharedWith).toBe('court');
    // A party files only for a party it acts for.
    const other = parties.find((p) => p.role === 'defendant')!.id;
    await http()
      .post(`/api/v1/cases/${id}/documents`)
      .set('Authorization', claimantFirm)
      .send({ title: 'X', documentType: 'x', channel: 'online', storeReference: 'dm-store://x', forPartyId: other })
      .expect(400);
  });

  it("tells the paying side of its own papers and referrals the case waits for, not of the other side's", async () => {
    const claimantFirm = await bearer('professional', { org: 'org-r', sub: 'solicitor-rea' });
    const id = await claimBetween(
      { role: 'claimant', kind: 'person', name: 'Alex Claimant', representedBy: 'org-r' },
      { role: 'defendant', kind: 'person', name: 'Dee Defendant' },
    );
    const parties = (await http().get(`/api/v1/cases/${id}`).set('Authorization', caseworker).expect(200)).body
      .parties as { id: string; role: string }[];
    const partyOf = (role: string) => parties.find((p) => p.role === role)!.id;
    const post = (title: string, forPartyId: string) =>
      http()
        .post(`/api/v1/cases/${id}/documents`)
        .set('Authorization', caseworker)
        .send({ title, documentType: 'c8-form', channel: 'post', storeReference: 'dm-store://r', forPartyId })
        .expect(201);
    const documents = async (who: string) =>
      (
        (await http().get(`/api/v1/cases/${id}/readiness?event=issue`).set('Authorization', who).expect(200)).body
          .criteria as { id: string; met: boolean; reason?: string }[]
      ).find((c) => c.id === 'documents-accepted');

    await post("The defendant's confidential address", partyOf('defendant'));
    expect(await documents(caseworker)).toMatchObject({ met: false, reason: expect.stringMatching(/^1 document/) });
    expect(await documents(claimantFirm)).toEqual(expect.objectContaining({ met: true }));
    expect((await documents(claimantFirm))!.reason).toBeUndefined();

    await post("The claimant's letter", partyOf('claimant'));
    expect(await documents(caseworker)).toMatchObject({ met: false, reason: expect.stringMatching(/^2 document/) });
    expect(await documents(claimantFirm)).toMatchObject({ met: false, reason: expect.stringMatching(/^1 document/) });

    // The same for an assisted-digital referral: the defendant's need is not the claimant's side's to know of.
    const referral = async (who: string) =>
      (
        (await http().get(`/api/v1/cases/${id}/readiness?event=issue`).set('Authorization', who).expect(200)).body
          .criteria as { id: string; met: boolean }[]
      ).find((c) => c.id === 'no-open-assisted-digital-referral');
    await http()
      .post(`/api/v1/cases/${id}/assisted-digital-referrals`)
      .set('Authorization', caseworker)
      .send({ partyId: partyOf('defendant'), needs: ['no-device'] })
      .expect(201);
    expect(await referral(caseworker)).toMatchObject({ met: false });
    expect(await referral(claimantFirm)).toMatchObject({ met: true });
    await http()
      .post(`/api/v1/cases/${id}/assisted-digital-referrals`)
      .set('Authorization', caseworker)
      .send({ partyId: partyOf('claimant'), needs: ['no-device'] })
      .expect(201);
    expect(await referral(claimantFirm)).toMatchObject({ met: false });
  });

  it('names the caseworker who reviewed a document, and who moved the case on, to staff only', async () => {
    const [reviewer, citizen, firm] = await Promise.all([
      bearer('caseworker', { sub: 'caseworker-sam' }),
      bearer('citizen', { sub: 'citizen-alex' }),
      bearer('professional', { org: 'org-a', sub: 'solicitor-sol' }),
    ]);
    const id = await claimBetween(
      { role: 'claimant', kind: 'person', name: 'Alex Claimant', userId: 'citizen-alex', representedBy: 'org-a' },
      { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
    );
    await http().post(`/api/v1/cases/${id}/events`).set('Authorization', citizen).send({ event: 'submit' }).expect(200);
    const scanned = await http()
      .post(`/api/v1/cases/${id}/documents`)
      .set('Authorization', caseworker)
      .send({ title: 'Defence', documentType: 'defence', channel: 'post', storeReference: 'dm-store://post' })
      .expect(201);
    const reviewed = await http()
      .post(`/api/v1/cases/${id}/documents/${scanned.body.id}/review`)
      .set('Authorization', reviewer)
      .send({ decision: 'accepted' })
      .expect(201);
    expect(reviewed.body).toMatchObject({ status: 'accepted', reviewedBy: 'caseworker-sam' });

    const READ =
      'query($id: ID!) { case(id: $id) { documents { id status reviewedBy reviewedAt } history { event actor } } }';
    const reads = async (who: string) => {
      const rest = await http().get(`/api/v1/cases/${id}/documents`).set('Authorization', who).expect(200);
      const history = await http().get(`/api/v1/cases/${id}/history`).set('Authorization', who).expect(200);
      const { body } = await http().post('/graphql').set('Authorization', who).send({ query: READ, variables: { id } });
      expect(body.errors).toBeUndefined();
      return {
        rest: rest.body.find((d: { id: string }) => d.id === scanned.body.id),
        history: history.body as { event: string; actor?: string }[],
        graphql: body.data.case as {
          documents: { id: string; reviewedBy: string | null; reviewedAt: string | null }[];
          history: { event: string; actor: string | null }[];
        },
      };
    };
    for (const who of [citizen, firm]) {
      const seen = await reads(who);
      // Left out over REST, null on GraphQL: when it was reviewed stays case-wide, by whom does not.
      expect(seen.rest).toMatchObject({ status: 'accepted', reviewedAt: expect.any(String) });
      expect(seen.rest).not.toHaveProperty('reviewedBy');
      const document = seen.graphql.documents.find((d) => d.id === scanned.body.id)!;
      expect(document).toMatchObject({ status: 'accepted', reviewedBy: null, reviewedAt: expect.any(String) });
      expect(seen.history).toEqual([expect.not.objectContaining({ actor: expect.anything() })]);
      expect(seen.graphql.history).toEqual([{ event: 'submit', actor: null }]);
    }
    const staff = await reads(caseworker);
    expect(staff.rest.reviewedBy).toBe('caseworker-sam');
    expect(staff.graphql.documents.find((d) => d.id === scanned.body.id)!.reviewedBy).toBe('caseworker-sam');
    expect(staff.history).toEqual([expect.objectContaining({ event: 'submit', actor: 'citizen-alex' })]);
    expect(staff.graphql.history).toEqual([{ event: 'submit', actor: 'citizen-alex' }]);

    // What a party's own write answers with follows the same rule.
    const received = await http()
      .post('/graphql')
      .set('Authorization', citizen)
      .send({
        query: 'mutation($i: ReceiveDocumentInput!) { receiveDocument(input: $i) { status reviewedBy } }',
        variables: {
          i: { caseId: id, title: 'Reply', documentType: 'reply', channel: 'online', storeReference: 'dm-store://r' },
        },
      })
      .expect(200);
    expect(received.body.data.receiveDocument).toEqual({ status: 'accepted', reviewedBy: null });
  });
});
