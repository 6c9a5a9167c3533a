import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  enforcementCorrespondenceRequestedV1,
  paymentsCorrespondenceRequestedV1,
  type CorrespondenceRequestedV1,
} from '@ccsc/contracts';
import { bearer, eventually, publishEvent } from '@ccsc/testing';
import { startCasesApp } from './cases-app';

interface Item {
  partyId: string;
  template: string;
  body: string;
}

// Payments knows a payer only by their account: a request names the citizen's user id or the firm's
// organisation id, and cases finds the party with its own parties, never the other side.
describe('correspondence requested for an account: cases finds the party', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let db: DataSource;
  let caseworker: string;

  beforeAll(async () => {
    ({ app, close } = await startCasesApp({ CORRESPONDENCE_DISPATCH_INTERVAL_MS: '0' }));
    db = app.get(DataSource);
    caseworker = await bearer('caseworker');
  });
  afterAll(() => close());

  const http = () => request(app.getHttpServer());
  const items = async (caseId: string) =>
    (await http().get(`/api/v1/cases/${caseId}/correspondence`).set('Authorization', caseworker).expect(200))
      .body as Item[];
  const inboxStatus = async (eventId: string) =>
    (
      (await db.query(`SELECT status, error FROM inbox WHERE event_id = $1`, [eventId])) as {
        status: string;
        error: string | null;
      }[]
    )[0];

  /** A money claim by staff: parties as given, the claimant's side paying the fees. */
  const claim = async (parties: Record<string, unknown>[]) => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', caseworker)
      .send({ caseType: 'civil-money-claim', parties })
      .expect(201);
    const body = created.body as { id: string; reference: string; parties: { id: string; name: string }[] };
    return {
      id: body.id,
      reference: body.reference,
      party: (name: string) => body.parties.find((p) => p.name === name)!.id,
    };
  };
  const person = (name: string, more: Record<string, unknown>) => ({
    role: 'claimant',
    kind: 'person',
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
    ...more,
  });
  const receipt = (
    caseId: string,
    recipient: Partial<Pick<CorrespondenceRequestedV1, 'partyId' | 'userId' | 'organisationId'>>,
    template = 'payments.payment-receipt',
  ): CorrespondenceRequestedV1 => ({
    requestId: randomUUID(),
    caseId,
    ...recipient,
    template,
    values: { paymentReference: 'pay-1', amount: 27_300, paidOn: '2026-06-15', appliedToReference: '1234567890123456' },
    recipientNameAs: 'payerName',
  });

  it("writes to the citizen's own party for a request naming their account, once however often it comes; never the opponent", async () => {
    const c = await claim([
      person('Cat Claimant', { userId: 'citizen-cat' }),
      person('Dan Defendant', { role: 'defendant', userId: 'citizen-dan' }),
    ]);
    const asked = receipt(c.id, { userId: 'citizen-cat' });
    const first = await publishEvent(paymentsCorrespondenceRequestedV1, c.id, asked);
    await publishEvent(paymentsCorrespondenceRequestedV1, c.id, asked, { id: first.id });
    await publishEvent(paymentsCorrespondenceRequestedV1, c.id, asked);
    const found = await eventually(async () => {
      const all = await items(c.id);
      expect(all).toHaveLength(1);
      return all;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await items(c.id)).toHaveLength(1);
    expect(found[0]).toMatchObject({ partyId: c.party('Cat Claimant'), template: 'payments.payment-receipt' });
    expect(found[0]!.body).toContain('Cat Claimant');
    expect(found[0]!.body).toContain('£273.00');
    expect(found[0]!.body).not.toContain('Dan Defendant');
  });

  it('writes to the party a firm represents for a request naming the firm, not the party on the other side', async () => {
    const c = await claim([
      person('Cat Claimant', {}),
      person('Dan Defendant', { role: 'defendant', representedBy: 'org-defence' }),
    ]);
    await publishEvent(paymentsCorrespondenceRequestedV1, c.id, receipt(c.id, { organisationId: 'org-defence' }));
    const [item] = await eventually(async () => {
      const all = await items(c.id);
      expect(all).toHaveLength(1);
      return all;
    });
    expect(item).toMatchObject({ partyId: c.party('Dan Defendant') });
  });

  it('writes to each party a firm represents on the fee-paying side, and never to one it also acts for on the other', async () => {
    const c = await claim([
      person('Cat Claimant', { representedBy: 'org-both' }),
      person('Carl Claimant', { representedBy: 'org-both' }),
      person('Dan Defendant', { role: 'defendant', representedBy: 'org-both' }),
    ]);
    await publishEvent(paymentsCorrespondenceRequestedV1, c.id, receipt(c.id, { organisationId: 'org-both' }));
    const found = await eventually(async () => {
      const all = await items(c.id);
      expect(all).toHaveLength(2);
      return all;
    });
    expect(found.map((i) => i.partyId).sort()).toEqual([c.party('Cat Claimant'), c.party('Carl Claimant')].sort());
  });

  it('records nothing when the account is no party of the case, and the event is applied (not retried)', async () => {
    const c = await claim([
      person('Cat Claimant', { userId: 'citizen-cat' }),
      person('Dan Defendant', { role: 'defendant' }),
    ]);
    const strangers = [
      await publishEvent(paymentsCorrespondenceRequestedV1, c.id, receipt(c.id, { userId: 'citizen-stranger' })),
      await publishEvent(paymentsCorrespondenceRequestedV1, c.id, receipt(c.id, { organisationId: 'org-stranger' })),
    ];
    for (const event of strangers)
      await eventually(async () => expect(await inboxStatus(event.id)).toMatchObject({ status: 'applied' }));
    expect(await items(c.id)).toEqual([]);
  });

  it("refuses a request for another service's template: dead-lettered, nothing recorded", async () => {
    const c = await claim([
      person('Cat Claimant', { userId: 'citizen-cat' }),
      person('Dan Defendant', { role: 'defendant' }),
    ]);
    const forged = {
      ...receipt(c.id, { userId: 'citizen-cat' }, 'enforcement.further-steps-notice'),
      values: { accountNumber: 'FA26001234K', balance: 15_000, amountOverdue: 5_000, payByDate: '2027-01-15' },
      recipientNameAs: 'defendantName',
    };
    const asPayments = await publishEvent(paymentsCorrespondenceRequestedV1, c.id, forged);
    // And enforcement, for payments' receipt, naming the party.
    const asEnforcement = await publishEvent(
      enforcementCorrespondenceRequestedV1,
      c.id,
      receipt(c.id, { partyId: c.party('Cat Claimant') }),
    );
    for (const event of [asPayments, asEnforcement])
      await eventually(
        async () =>
          expect(await inboxStatus(event.id)).toMatchObject({
            status: 'dead-lettered',
            error: expect.stringMatching(/which is not one of its templates/),
          }),
        20_000,
      );
    expect(await items(c.id)).toEqual([]);
  }, 30_000);
});
