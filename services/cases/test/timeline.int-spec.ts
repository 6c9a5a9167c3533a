import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  assistedDigitalNeedIdentifiedV1,
  complaintOpenedV1,
  documentReceivedV1,
  documentReceivedV2,
  enforcementActionTakenV1,
  enforcementActionTakenV2,
  EventType,
  complaintsCorrespondenceRecordedV1,
  paymentAllocatedV1,
  queriesCorrespondenceRecordedV1,
  refundStatusChangedV1,
  refundStatusChangedV2,
} from '@ccsc/contracts';
import { InProcessTransport, type TransportMessage } from '@ccsc/messaging';
import { bearer, eventMessage, eventually } from '@ccsc/testing';
import { claim, startCasesApp } from './cases-app';

// Every event that names a case lands on that case's timeline, whichever service sent it.
describe("other services' events on the case timeline", () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    caseworker = await bearer('caseworker');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  // Each event a second apart, so the timeline's order (by when it happened) is the order sent.
  let clock = 0;
  const message = <T extends object>(type: EventType<T>, subject: string, data: T) =>
    eventMessage(type, subject, data, { time: new Date((clock += 1000)), actor: 'officer-9' });
  const publish = (...messages: TransportMessage[]) => InProcessTransport.shared().publish(messages);
  const timeline = async (id: string, query = '') =>
    (await http().get(`/api/v1/cases/${id}/timeline${query}`).set('Authorization', caseworker).expect(200)).body as {
      summary: string;
      source: string;
      actor: string;
    }[];

  it('records each once per case it names, even when redelivered, and filters by kind', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(
        async () =>
          (await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201)).body
            .id as string,
      ),
    );
    clock = Date.now();
    const complaint = message(complaintOpenedV1, randomUUID(), {
      complaintId: randomUUID(),
      reference: 'CMP-000123',
      severity: 'major',
      caseIds: [a, b],
      receivedAt: new Date().toISOString(),
    });
    const allocated = message(paymentAllocatedV1, randomUUID(), {
      paymentId: randomUUID(),
      allocationId: randomUUID(),
      target: 'service-request',
      caseId: a,
      amountPence: 45500,
      method: 'cheque',
      receivedAt: new Date().toISOString(),
      allocatedAt: new Date().toISOString(),
    });
    const need = message(assistedDigitalNeedIdentifiedV1, randomUUID(), {
      enquiryId: randomUUID(),
      caseId: b,
      needs: ['no-device', 'language'],
    });
    await publish(complaint, allocated, need, complaint);

    await eventually(async () => {
      expect((await timeline(a)).map((e) => e.summary)).toEqual([
        'Case opened as civil-money-claim, state Draft',
        'Complaint CMP-000123 opened (major)',
        'Payment of £455.00 allocated to the service request',
      ]);
      expect((await timeline(b)).map((e) => e.summary)).toEqual([
        'Case opened as civil-money-claim, state Draft',
        'Complaint CMP-000123 opened (major)',
        'Assisted-digital need spotted on an enquiry: no-device, language (assess and refer the party)',
      ]);
    });
    expect(await timeline(a, '?kind=payments')).toEqual([
      expect.objectContaining({ source: 'payments', actor: 'officer-9' }),
    ]);
    expect((await timeline(b, '?kind=complaints')).map((e) => e.summary)).toEqual([
      'Complaint CMP-000123 opened (major)',
    ]);
  });

  it('shows staff, with the letters of cases, what queries and complaints wrote about the case, and parties none of it', async () => {
    const created = (await http().post('/api/v1/cases').set('Authorization', caseworker).send(claim()).expect(201))
      .body as { id: string };
    clock = Date.now();
    const enquirer = message(queriesCorrespondenceRecordedV1, randomUUID(), {
      itemId: randomUUID(),
      caseIds: [created.id],
      template: 'queries.enquiry-acknowledged',
      recipient: 'enquirer',
      channel: 'sms',
      language: 'cy',
    });
    const complainant = message(complaintsCorrespondenceRecordedV1, randomUUID(), {
      itemId: randomUUID(),
      caseIds: [created.id],
      template: 'complaints.complaint-acknowledged',
      recipient: 'complainant',
      language: 'en',
    });
    await publish(enquirer, complainant);
    await eventually(async () =>
      expect((await timeline(created.id, '?kind=correspondence')).map((e) => e.summary)).toEqual([
        'Text message to the enquirer (Welsh): An enquiry arrived: its reference and the target date for the answer',
        'Not sent: no way to reach the complainant is held: A complaint arrived: its reference and when the response is due',
      ]),
    );
    // The claimant's firm reads the case's history, but not who else wrote in about it.
    const firm = await bearer('professional', { org: 'org-a' });
    const seen = (await http().get(`/api/v1/cases/${created.id}/timeline`).set('Authorization', firm).expect(200))
      .body as { kind: string }[];
    expect(seen.filter((e) => e.kind === 'correspondence')).toEqual([]);
  });

  it("shows each side the case's history and what concerns itself, never the other side's data", async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(
        claim({
          parties: [
            {
              role: 'claimant',
              kind: 'person',
              name: 'Alex Claimant',
              userId: 'claimant-citizen',
              representedBy: 'org-a',
            },
            {
              role: 'defendant',
              kind: 'person',
              name: 'Dee Fendant',
              userId: 'defendant-citizen',
              representedBy: 'org-b',
            },
          ],
        }),
      )
      .expect(201);
    const id: string = created.body.id;
    const claimant = created.body.parties.find((p: { role: string }) => p.role === 'claimant').id as string;
    await http()
      .patch(`/api/v1/cases/${id}/parties/${claimant}`)
      .set('Authorization', caseworker)
      .send({ vulnerabilityFlags: ['domestic abuse'] })
      .expect(200);
    clock = Date.now();
    await publish(
      message(complaintOpenedV1, randomUUID(), {
        complaintId: randomUUID(),
        reference: 'CMP-000777',
        severity: 'major',
        caseIds: [id],
        receivedAt: new Date().toISOString(),
      }),
    );
    const as = async (who: string) =>
      (await http().get(`/api/v1/cases/${id}/timeline`).set('Authorization', who).expect(200)).body as {
        summary: string;
        actor?: string;
      }[];
    const history = 'Case opened as civil-money-claim, state Draft';
    const ownDetails = 'Party details changed: vulnerabilityFlags';
    const complaint = 'Complaint CMP-000777 opened (major)';
    await eventually(async () =>
      expect((await timeline(id)).map((e) => e.summary).sort()).toEqual([history, ownDetails, complaint].sort()),
    );
    for (const claimantSide of [
      await bearer('professional', { org: 'org-a' }),
      await bearer('citizen', { sub: 'claimant-citizen' }),
    ]) {
      expect((await as(claimantSide)).map((e) => e.summary).sort()).toEqual([history, ownDetails].sort());
    }
    for (const defendantSide of [
      await bearer('professional', { org: 'org-b' }),
      await bearer('citizen', { sub: 'defendant-citizen' }),
    ]) {
      const seen = await as(defendantSide);
      expect(seen.map((e) => e.summary)).toEqual([history]);
      // Who did it is a subject id: staff only.
      expect(seen[0]!.actor).toBeUndefined();
    }
    await http()
      .get(`/api/v1/cases/${id}/timeline`)
      .set('Authorization', await bearer('professional', { org: 'org-z' }))
      .expect(404);
  });

  it("shows a defendant's result to that defendant's side and the prosecution, not to a co-defendant", async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({
        caseType: 'criminal-prosecution',
        parties: [
          { role: 'applicant', kind: 'organisation', name: 'Private Prosecutor Ltd', representedBy: 'org-prosecutor' },
          { role: 'defendant', kind: 'person', name: 'Dana Defendant', representedBy: 'org-dana' },
          {
            role: 'defendant',
            kind: 'person',
            name: 'Dev Codefendant',
            userId: 'dev-citizen',
            representedBy: 'org-dev',
          },
        ],
      })
      .expect(201);
    const id: string = created.body.id;
    const dana = (created.body.parties as { id: string; name: string }[]).find((p) => p.name === 'Dana Defendant')!.id;
    await http()
      .post(`/api/v1/cases/${id}/events`)
      .set('Authorization', caseworker)
      .send({ event: 'list' })
      .expect(200);
    await http()
      .post(`/api/v1/cases/${id}/results`)
      .set('Authorization', await bearer('judiciary'))
      .send({
        defendantPartyId: dana,
        outcome: 'Guilty: fined',
        impositions: [{ kind: 'fine', amountPence: 30_000, creditor: 'central-funds' }],
      })
      .expect(201);
    const result = 'Resulted: Guilty: fined (impositions £300.00)';
    const summaries = async (who: string) =>
      (
        (await http().get(`/api/v1/cases/${id}/timeline`).set('Authorization', who).expect(200)).body as {
          summary: string;
        }[]
      ).map((e) => e.summary);
    await eventually(async () => expect(await summaries(caseworker)).toContain(result));
    expect(await summaries(await bearer('professional', { org: 'org-dana' }))).toContain(result);
    expect(await summaries(await bearer('professional', { org: 'org-prosecutor' }))).toContain(result);
    // The co-defendant, by their firm or themselves, sees the case's history but not another defendant's penalty.
    for (const coDefendant of [
      await bearer('professional', { org: 'org-dev' }),
      await bearer('citizen', { sub: 'dev-citizen' }),
    ]) {
      const seen = await summaries(coDefendant);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).not.toContain(result);
    }
  });

  it('reads a v2 event as its v1, which is still read: the same entry, kind and audience', async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send(
        claim({
          parties: [{ role: 'claimant', kind: 'person', name: 'Alex Claimant', userId: 'claimant-of-versions' }],
        }),
      )
      .expect(201);
    const id: string = created.body.id;
    clock = Date.now();
    const document = {
      caseId: id,
      documentId: randomUUID(),
      documentType: 'evidence',
      channel: 'post',
      status: 'pending-review',
    };
    // The document they announce, as staff recorded it for the claimant: in review, its side reads of it.
    const claimantParty = (created.body.parties as { id: string }[])[0]!.id;
    await app.get(DataSource).query(
      `INSERT INTO case_documents (id, case_id, title, document_type, channel, language, store_reference, status,
         filed_by_staff, filed_for, received_at)
       VALUES ($1, $2, 'Evidence', 'evidence', 'post', 'en', 'dm-store://e', 'pending-review', true, $3::uuid[], now())`,
      [document.documentId, id, [claimantParty]],
    );
    const refund = {
      refundId: randomUUID(),
      status: 'approved',
      kind: 'refund',
      amountPence: 1_250,
      caseId: id,
    } as const;
    const action = { accountId: randomUUID(), action: 'reminder', caseId: id, takenAt: new Date().toISOString() };
    await publish(
      message(documentReceivedV1, id, document),
      message(documentReceivedV2, id, { ...document, language: 'cy', caseType: 'civil-money-claim' }),
      message(refundStatusChangedV1, refund.refundId, refund),
      message(refundStatusChangedV2, refund.refundId, { ...refund, requestedBy: 'officer-8' }),
      message(enforcementActionTakenV1, action.accountId, { ...action, actionId: randomUUID() }),
      message(enforcementActionTakenV2, action.accountId, { ...action, actionId: randomUUID(), takenBy: 'officer' }),
    );

    const received = 'Document received (evidence) by post: pending-review';
    const refunded = 'Refund of £12.50: approved';
    const taken = 'Enforcement action: reminder';
    await eventually(async () =>
      expect((await timeline(id)).map((e) => e.summary)).toEqual([
        'Case opened as civil-money-claim, state Draft',
        ...[received, received, refunded, refunded, taken, taken],
      ]),
    );
    expect((await timeline(id, '?kind=documents')).map((e) => e.summary)).toEqual([received, received]);
    expect((await timeline(id, '?kind=payments')).map((e) => e.summary)).toEqual([refunded, refunded]);
    expect((await timeline(id, '?kind=enforcement')).map((e) => e.summary)).toEqual([taken, taken]);
    const audiences = (await app
      .get(DataSource)
      .query(`SELECT type, audience FROM case_timeline WHERE case_id = $1 AND type NOT LIKE 'cases.case-created.%'`, [
        id,
      ])) as { type: string; audience: string }[];
    expect(Object.fromEntries(audiences.map((r) => [r.type, r.audience]))).toEqual({
      'cases.document-received.v1': 'parties',
      'cases.document-received.v2': 'parties',
      'payments.refund-status-changed.v1': 'staff',
      'payments.refund-status-changed.v2': 'staff',
      'enforcement.enforcement-action-taken.v1': 'staff',
      'enforcement.enforcement-action-taken.v2': 'staff',
    });
    // The claimant reads the case's documents, whichever version announced them, and not the money.
    const claimant = await bearer('citizen', { sub: 'claimant-of-versions' });
    const seen = (await http().get(`/api/v1/cases/${id}/timeline`).set('Authorization', claimant).expect(200)).body as {
      summary: string;
    }[];
    expect(seen.map((e) => e.summary)).toEqual(['Case opened as civil-money-claim, state Draft', received, received]);
  });
});
