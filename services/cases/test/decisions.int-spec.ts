import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { londonLocalDate } from '@ccsc/calendar';
import { bearer } from '@ccsc/testing';
import { startCasesApp } from './cases-app';

describe('decisions', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp());
    caseworker = await bearer('caseworker', { sub: 'reviewer-1' });
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const decision = (overrides: Record<string, unknown> = {}) => ({
    outcome: 'Status curtailed',
    legalBasis: 'Immigration Rules, paragraph 9.4.1',
    reasons: 'The evidence shows the conditions of stay were breached.',
    evidenceReferences: ['bundle p.12', 'bundle p.40'],
    ...overrides,
  });

  /** A new status review case, its id. */
  const newReview = async (): Promise<string> =>
    (
      await http()
        .post('/api/v1/cases')
        .set('Authorization', caseworker)
        .send({
          caseType: 'immigration-status-review',
          parties: [{ role: 'subject', kind: 'person', name: 'Sam Subject' }],
        })
        .expect(201)
    ).body.id as string;

  it('records no decision on a case that has ended', async () => {
    const id = await newReview();
    await app.get(DataSource).query(`UPDATE cases SET state = 'Closed' WHERE id = $1`, [id]);
    const refused = await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision())
      .expect(409);
    expect(refused.body.detail).toBe('The case is Closed: no decision is recorded on a case that has ended');
  });

  it('records decisions that are never edited, only superseded', async () => {
    const id = await newReview();
    // Where a review takes its decision (status-review.int-spec walks the steps before it).
    await app.get(DataSource).query(`UPDATE cases SET state = 'MindedToNotice' WHERE id = $1`, [id]);
    const first = await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision())
      .expect(201);
    expect(first.body).toMatchObject({
      decidedBy: 'reviewer-1',
      current: true,
      evidenceReferences: ['bundle p.12', 'bundle p.40'],
    });

    await expect(
      app.get(DataSource).query(`UPDATE case_decisions SET outcome = 'changed' WHERE id = $1`, [first.body.id]),
    ).rejects.toThrow(/never edited/);
    await expect(
      app.get(DataSource).query(`DELETE FROM case_decisions WHERE id = $1`, [first.body.id]),
    ).rejects.toThrow(/never edited/);

    const correction = await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision({ outcome: 'Status maintained', supersedes: first.body.id }))
      .expect(201);
    const list = await http().get(`/api/v1/cases/${id}/decisions`).set('Authorization', caseworker).expect(200);
    expect(list.body.map((d: { outcome: string; current: boolean }) => [d.outcome, d.current])).toEqual([
      ['Status curtailed', false],
      ['Status maintained', true],
    ]);
    expect(list.body[0].supersededBy).toBe(correction.body.id);

    const again = await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision({ supersedes: first.body.id }))
      .expect(409);
    expect(again.body.code).toBe('CONFLICT');
    const missing = await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision({ legalBasis: undefined }))
      .expect(400);
    expect(missing.body.errors[0].field).toBe('legalBasis');
    await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision({ supersedes: '00000000-0000-4000-8000-000000000000' }))
      .expect(400);
    await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', await bearer('citizen'))
      .send(decision())
      .expect(403);
    expect(
      (await http().get(`/api/v1/cases/${id}/decisions`).set('Authorization', caseworker).expect(200)).body,
    ).toHaveLength(2);
  });

  it('keeps one decision current: a second must supersede the first, and "decide" waits for a recorded decision', async () => {
    const id = await newReview();
    const trigger = (event: string) =>
      http().post(`/api/v1/cases/${id}/events`).set('Authorization', caseworker).send({ event });
    // Referred, investigated on accepted evidence, and minded to decide, with the person's representations in.
    const step = (path: string, body: object) =>
      http().post(`/api/v1/cases/${id}/${path}`).set('Authorization', caseworker).send(body).expect(201);
    await step('status-review/referrals', {
      stakeholderKind: 'police',
      stakeholderName: 'Metropolitan Police Service',
      concerns: 'Conditions of stay breached.',
    });
    await trigger('investigate').expect(200);
    await step('documents', {
      title: 'Police report',
      documentType: 'evidence',
      channel: 'online',
      storeReference: 'dm-store://documents/report',
    });
    await step('status-review/minded-to-notice', { proposedOutcome: 'Curtail leave', grounds: 'Conditions breached.' });
    await step('status-review/minded-to-notice/representations', {
      receivedOn: londonLocalDate(new Date()),
      madeBy: 'subject',
      summary: 'The conditions were not breached.',
    });

    // No decision on record: the case cannot move to decided, and readiness says why.
    const early = await trigger('decide');
    expect(early.status).toBe(409);
    const readiness = await http()
      .get(`/api/v1/cases/${id}/readiness`)
      .query({ event: 'decide' })
      .set('Authorization', caseworker);
    expect(readiness.body).toMatchObject({
      ready: false,
      criteria: expect.arrayContaining([expect.objectContaining({ id: 'decision-recorded', met: false })]),
    });

    const first = await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision())
      .expect(201);
    const second = await http()
      .post(`/api/v1/cases/${id}/decisions`)
      .set('Authorization', caseworker)
      .send(decision({ outcome: 'Status maintained' }))
      .expect(409);
    expect(second.body.detail).toContain(first.body.id);
    const current = await http().get(`/api/v1/cases/${id}/decisions`).set('Authorization', caseworker).expect(200);
    expect(current.body.filter((d: { current: boolean }) => d.current)).toHaveLength(1);

    await trigger('decide').expect(200);
  });
});
