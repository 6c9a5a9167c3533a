import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { extractText, getDocumentProxy } from 'unpdf';
import { enforcementCorrespondenceRequestedV1, type CorrespondenceRequestedV1 } from '@ccsc/contracts';
import { NotificationSendError, SandboxNotificationSender } from '@ccsc/correspondence';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { CorrespondenceDispatcher, NOTIFICATION_SENDER } from '@ccsc/correspondence/outbox';
import { startCasesApp } from './cases-app';

const CALLBACK_TOKEN = 'notify-callback-token-for-the-int-spec';
const year = new Date().getUTCFullYear() + 1;

interface Item {
  id: string;
  partyId: string;
  template: string;
  language: string;
  channel?: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  about?: string;
}

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe('correspondence to case parties', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let dataSource: DataSource;
  let sandbox: SandboxNotificationSender;
  let dispatcher: CorrespondenceDispatcher;
  let caseworker: string;
  let enforcementOfficer: string;
  let defendantsFirm: string;
  let prosecutorsFirm: string;
  let otherFirm: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp({
      CORRESPONDENCE_DISPATCH_INTERVAL_MS: '0',
      CORRESPONDENCE_RETRY_FIRST_DELAY_MS: '1',
      CORRESPONDENCE_RETRY_MAX_DELAY_MS: '1',
      NOTIFY_CALLBACK_TOKEN: CALLBACK_TOKEN,
    }));
    dataSource = app.get(DataSource);
    sandbox = app.get(NOTIFICATION_SENDER);
    dispatcher = app.get(CorrespondenceDispatcher);
    [caseworker, enforcementOfficer, defendantsFirm, prosecutorsFirm, otherFirm] = await Promise.all([
      bearer('caseworker'),
      bearer('enforcement-officer'),
      bearer('professional', { org: 'org-defence', sub: 'solicitor-defence' }),
      bearer('professional', { org: 'org-prosecution', sub: 'solicitor-prosecution' }),
      bearer('professional', { org: 'org-stranger', sub: 'solicitor-stranger' }),
    ]);
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());

  /** A prosecution whose defendant prefers Welsh and lives in Swansea, represented by org-defence. */
  const prosecution = async (defendant: Record<string, unknown> = {}) => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({
        caseType: 'criminal-prosecution',
        parties: [
          {
            role: 'applicant',
            kind: 'organisation',
            name: 'Crown Prosecution Service',
            representedBy: 'org-prosecution',
            email: 'cps@example.gov.uk',
          },
          {
            role: 'defendant',
            kind: 'person',
            name: 'Siân Llŷr',
            preferredLanguage: 'cy',
            addressLines: ['12 Heol Gŵyr', 'Abertawe'],
            postcode: 'SA1 4DN',
            representedBy: 'org-defence',
            ...defendant,
          },
        ],
      })
      .expect(201);
    const body = created.body as { id: string; reference: string; parties: { id: string; role: string }[] };
    const partyOf = (role: string) => body.parties.find((p) => p.role === role)!.id;
    return {
      id: body.id,
      reference: body.reference,
      defendant: partyOf('defendant'),
      prosecutor: partyOf('applicant'),
    };
  };

  const furtherSteps = (caseId: string, partyId: string, requestId = randomUUID()): CorrespondenceRequestedV1 => ({
    requestId,
    caseId,
    partyId,
    template: 'enforcement.further-steps-notice',
    values: {
      accountNumber: 'FA26001234K',
      balance: 15_000,
      amountOverdue: 5_000,
      payByDate: `${year}-01-15`,
    },
    recipientNameAs: 'defendantName',
    about: 'FA26001234K',
  });

  /** Sends whatever earlier tests left due, so that a test's stand-in provider answers for its own item. */
  const sendWhatIsDue = () => dispatcher.run();
  const items = async (caseId: string, token = caseworker) =>
    (await http().get(`/api/v1/cases/${caseId}/correspondence`).set('Authorization', token).expect(200)).body as Item[];
  const itemsOnceRecorded = (caseId: string, n: number) =>
    eventually(async () => {
      const found = await items(caseId);
      expect(found).toHaveLength(n);
      return found;
    });

  it('records a request once however often it comes, in Welsh for a party who prefers Welsh, as a letter', async () => {
    const c = await prosecution();
    const request = furtherSteps(c.id, c.defendant);
    const first = await publishEvent(enforcementCorrespondenceRequestedV1, c.id, request);
    // The same event delivered again, and the same request under a new event id (a repeated run).
    await publishEvent(enforcementCorrespondenceRequestedV1, c.id, request, { id: first.id });
    await publishEvent(enforcementCorrespondenceRequestedV1, c.id, request);

    const [item] = await itemsOnceRecorded(c.id, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await items(c.id)).toHaveLength(1);
    expect(item).toMatchObject({
      partyId: c.defendant,
      template: 'enforcement.further-steps-notice',
      language: 'cy',
      channel: 'letter',
      status: 'pending',
      about: 'FA26001234K',
    });
    expect(item!.body).toContain('Siân Llŷr');
    expect(item!.body).toContain('£150.00');
    expect(item!.body).not.toContain('Dear');

    // The timeline shows the item to staff and the defendant's firm, not to the prosecution's.
    const timeline = async (token: string) =>
      (
        (await http().get(`/api/v1/cases/${c.id}/timeline`).set('Authorization', token).expect(200)).body as {
          kind: string;
          summary: string;
        }[]
      ).filter((e) => e.kind === 'correspondence');
    expect(await timeline(caseworker)).toEqual([
      expect.objectContaining({ summary: expect.stringMatching(/^Letter to the defendant \(Welsh\): .*FA26001234K/) }),
    ]);
    expect(await timeline(defendantsFirm)).toHaveLength(1);
    expect(await timeline(prosecutorsFirm)).toHaveLength(0);
    expect(JSON.stringify(await timeline(caseworker))).not.toMatch(/Siân|Heol|SA1/);
  });

  it('writes in Welsh and English to a party in Wales who has not said which language they prefer', async () => {
    const c = await prosecution({ preferredLanguage: undefined });
    // Not stated, and so not shown as English either.
    const parties = (await http().get(`/api/v1/cases/${c.id}`).set('Authorization', caseworker).expect(200)).body
      .parties as { id: string; preferredLanguage?: string }[];
    expect(parties.find((p) => p.id === c.defendant)).not.toHaveProperty('preferredLanguage');
    await publishEvent(enforcementCorrespondenceRequestedV1, c.id, furtherSteps(c.id, c.defendant));
    const [item] = await itemsOnceRecorded(c.id, 1);
    expect(item).toMatchObject({ language: 'bilingual', channel: 'letter' });
    // Welsh first, then English.
    expect(item!.body.indexOf('Annwyl')).toBeLessThan(item!.body.indexOf('Dear'));
  });

  it('records an item for a party with no address and no email as undeliverable, and never sends it', async () => {
    const c = await prosecution({ addressLines: undefined, postcode: undefined });
    await publishEvent(enforcementCorrespondenceRequestedV1, c.id, furtherSteps(c.id, c.defendant));
    const [item] = await itemsOnceRecorded(c.id, 1);
    expect(item).toMatchObject({ status: 'undeliverable', language: 'cy' });
    expect(item!.channel).toBeUndefined();
    await dispatcher.run();
    expect(sandbox.sentWithReference(item!.id)).toHaveLength(0);
  });

  it('sends each due item once with its id as the reference, marks it, and retries a send the provider could not take', async () => {
    await sendWhatIsDue();
    const c = await prosecution();
    await publishEvent(enforcementCorrespondenceRequestedV1, c.id, furtherSteps(c.id, c.defendant));
    const [item] = await itemsOnceRecorded(c.id, 1);

    const send = jest.spyOn(sandbox, 'send');
    send.mockRejectedValueOnce(new NotificationSendError('GOV.UK Notify answered 503', true, 503));
    await dispatcher.run();
    const afterFailure = (await items(c.id))[0]!;
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1 });
    expect(sandbox.sentWithReference(item!.id)).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.run();
    await dispatcher.run();
    send.mockRestore();
    const sent = sandbox.sentWithReference(item!.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.notification.channel).toBe('letter');
    expect((await items(c.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });

    // The letter as served to a reader is the letter that was sent, byte for byte, and reads back.
    const pdf = await http()
      .get(`/api/v1/cases/correspondence/${item!.id}/letter.pdf`)
      .set('Authorization', enforcementOfficer)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    const bytes = pdf.body as Buffer;
    const letter = sent[0]!.notification;
    expect(letter.channel === 'letter' && Buffer.from(letter.pdf).equals(bytes)).toBe(true);
    const text = await pdfText(bytes);
    expect(text).toContain('FA26001234K');
    expect(text).toContain('£150.00');
    expect(text).toContain('Siân Llŷr');
  });

  it('fails an item the provider refuses for good', async () => {
    await sendWhatIsDue();
    const c = await prosecution();
    await publishEvent(enforcementCorrespondenceRequestedV1, c.id, furtherSteps(c.id, c.defendant));
    const [item] = await itemsOnceRecorded(c.id, 1);
    const send = jest
      .spyOn(sandbox, 'send')
      .mockRejectedValueOnce(new NotificationSendError('GOV.UK Notify refused the request (400)', false, 400));
    await dispatcher.run();
    send.mockRestore();
    expect((await items(c.id))[0]).toMatchObject({ id: item!.id, status: 'failed', attempts: 1 });
  });

  it('shows a party only the items sent to that party; the other side and strangers find nothing', async () => {
    const c = await prosecution();
    const hearing = await http()
      .post(`/api/v1/cases/${c.id}/hearings`)
      .set('Authorization', caseworker)
      .send({
        venueId: 'SWA',
        venueName: 'Llys Ynadon Abertawe',
        hearingType: 'first-hearing',
        startsAt: `${year}-03-02T10:00:00Z`,
        durationMinutes: 60,
      });
    expect(hearing.status).toBe(201);
    // A hearing listed writes to every party: the prosecutor by email, the defendant by letter in Welsh.
    const all = await itemsOnceRecorded(c.id, 2);
    expect(all.map((i) => [i.partyId, i.template, i.channel, i.language]).sort()).toEqual(
      [
        [c.defendant, 'cases.hearing-listed', 'letter', 'cy'],
        [c.prosecutor, 'cases.hearing-listed', 'email', 'en'],
      ].sort(),
    );
    const defendantsLetter = all.find((i) => i.partyId === c.defendant)!;
    const prosecutorsEmail = all.find((i) => i.partyId === c.prosecutor)!;
    expect(defendantsLetter.body).toContain('2 Mawrth');

    expect((await items(c.id, defendantsFirm)).map((i) => i.id)).toEqual([defendantsLetter.id]);
    expect((await items(c.id, prosecutorsFirm)).map((i) => i.id)).toEqual([prosecutorsEmail.id]);
    await http().get(`/api/v1/cases/${c.id}/correspondence`).set('Authorization', otherFirm).expect(404);
    // GraphQL reads the same items under the same rule, on the case.
    const onCase = async (token: string) =>
      (
        await http()
          .post('/graphql')
          .set('Authorization', token)
          .send({
            query: 'query($id: ID!) { case(id: $id) { correspondence { id partyId template language createdAt } } }',
            variables: { id: c.id },
          })
          .expect(200)
      ).body as { data?: { case: { correspondence: { id: string; partyId: string }[] } }; errors?: unknown[] };
    expect((await onCase(caseworker)).data?.case.correspondence.map((i) => i.id).sort()).toEqual(
      all.map((i) => i.id).sort(),
    );
    expect((await onCase(defendantsFirm)).data?.case.correspondence).toEqual([
      expect.objectContaining({ id: defendantsLetter.id, partyId: c.defendant, language: 'cy' }),
    ]);
    expect((await onCase(otherFirm)).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);

    const letter = (token: string, id = defendantsLetter.id) =>
      http().get(`/api/v1/cases/correspondence/${id}/letter.pdf`).set('Authorization', token);
    await letter(defendantsFirm).expect(200);
    for (const token of [prosecutorsFirm, otherFirm]) {
      const refused = await letter(token).expect(404);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // An email has no letter.
    await letter(caseworker, prosecutorsEmail.id).expect(404);
  });

  it("reads a page of cases' letters in one batch, each case its own and each party only its own", async () => {
    const cases = [await prosecution(), await prosecution()];
    for (const c of cases) {
      await http()
        .post(`/api/v1/cases/${c.id}/hearings`)
        .set('Authorization', caseworker)
        .send({
          venueId: 'SWA',
          venueName: 'Llys Ynadon Abertawe',
          hearingType: 'first-hearing',
          startsAt: `${year}-04-06T10:00:00Z`,
          durationMinutes: 60,
        })
        .expect(201);
    }
    const recorded = await Promise.all(cases.map((c) => itemsOnceRecorded(c.id, 2)));
    // Each case (newest first) with the ids of its items, or of those sent to `partyOf(case)` when given.
    const page = async (token: string) => {
      const res = await http()
        .post('/graphql')
        .set('Authorization', token)
        .send({ query: '{ cases(first: 2) { nodes { id correspondence { id } } } }' })
        .expect(200);
      expect(res.body.errors).toBeUndefined();
      return (res.body.data.cases.nodes as { id: string; correspondence: { id: string }[] }[]).map((n) => ({
        id: n.id,
        items: n.correspondence.map((i) => i.id).sort(),
      }));
    };
    const expected = (partyOf?: (c: (typeof cases)[number]) => string) =>
      [1, 0].map((i) => ({
        id: cases[i]!.id,
        items: recorded[i]!.filter((item) => !partyOf || item.partyId === partyOf(cases[i]!))
          .map((item) => item.id)
          .sort(),
      }));

    expect(await page(caseworker)).toEqual(expected());
    const before = new Date();
    expect(await page(defendantsFirm)).toEqual(expected((c) => c.defendant));
    // The firm's read of the page is one record in the audit trail, naming both letters and acting for both defendants.
    const reads = await dataSource.query(
      `SELECT record_ids AS "recordIds", acting_for AS "actingFor" FROM audit_trail
        WHERE kind = 'read' AND record_type = 'correspondence' AND actor = 'solicitor-defence' AND at >= $1`,
      [before],
    );
    expect(reads).toHaveLength(1);
    expect([...reads[0].recordIds].sort()).toEqual(
      recorded.map((items, i) => items.find((item) => item.partyId === cases[i]!.defendant)!.id).sort(),
    );
    expect([...reads[0].actingFor].sort()).toEqual(cases.map((c) => c.defendant).sort());
  });

  it('refuses malformed ids with problem+json', async () => {
    for (const path of ['/api/v1/cases/not-a-uuid/correspondence', '/api/v1/cases/correspondence/12/letter.pdf']) {
      const res = await http().get(path).set('Authorization', caseworker).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400 });
    }
    await http().get(`/api/v1/cases/${randomUUID()}/correspondence`).set('Authorization', caseworker).expect(404);
  });

  it("takes Notify's delivery receipts with the callback token and refuses them without", async () => {
    await sendWhatIsDue();
    const c = await prosecution({ addressLines: undefined, postcode: undefined, email: 'sian@example.com' });
    await publishEvent(enforcementCorrespondenceRequestedV1, c.id, furtherSteps(c.id, c.defendant));
    const [item] = await itemsOnceRecorded(c.id, 1);
    expect(item!.channel).toBe('email');
    // Notify says "sending" first, as it would: the item is sent, not yet delivered.
    const send = jest.spyOn(sandbox, 'send').mockResolvedValueOnce({ providerId: randomUUID(), status: 'sending' });
    await dispatcher.run();
    send.mockRestore();
    expect((await items(c.id))[0]).toMatchObject({ status: 'sent' });
    const [{ provider_id: providerId }] = (await dataSource.query(
      'SELECT provider_id FROM correspondence_items WHERE id = $1',
      [item!.id],
    )) as { provider_id: string }[];

    const receipt = {
      id: providerId,
      reference: item!.id,
      to: 'sian@example.com',
      status: 'delivered',
      created_at: new Date().toISOString(),
      completed_at: new Date().toISOString(),
      sent_at: new Date().toISOString(),
      notification_type: 'email',
    };
    const post = (authorization?: string, body: unknown = receipt) => {
      const r = http().post('/api/v1/cases/correspondence/delivery-receipts');
      return (authorization ? r.set('Authorization', authorization) : r).send(body as object);
    };
    await post().expect(401);
    await post('Bearer not-the-token').expect(401);
    await post(caseworker).expect(401);
    await post(`Bearer ${CALLBACK_TOKEN}`, { ...receipt, status: 'lost' }).expect(400);
    // Longer than provider_id, or a date PostgreSQL cannot hold: refused, never a 500.
    await post(`Bearer ${CALLBACK_TOKEN}`, { ...receipt, id: 'x'.repeat(101) }).expect(400);
    await post(`Bearer ${CALLBACK_TOKEN}`, { ...receipt, completed_at: '-100000-01-01T00:00:00.000Z' }).expect(400);
    await post(`Bearer ${CALLBACK_TOKEN}`, { ...receipt, id: randomUUID(), reference: randomUUID() }).expect(404);
    expect((await items(c.id))[0]).toMatchObject({ status: 'sent' });

    await post(`Bearer ${CALLBACK_TOKEN}`).expect(204);
    expect((await items(c.id))[0]).toMatchObject({ status: 'delivered' });
    // A late "sending" does not undo the outcome.
    await post(`Bearer ${CALLBACK_TOKEN}`, { ...receipt, status: 'sending' }).expect(204);
    expect((await items(c.id))[0]).toMatchObject({ status: 'delivered' });
  });
});
