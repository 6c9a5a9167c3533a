import { randomUUID } from 'node:crypto';
import { paymentAllocatedV1 } from '@ccsc/contracts';
import { InProcessTransport } from '@ccsc/messaging';
import { bearer, eventually } from '@ccsc/testing';
import { graphql, Loose } from './graphql-client';
import { RunningPlatform, startPlatform } from './platform';

/** Payments' "allocated to a fine account" event for a card payment, exactly as its relay publishes it. */
async function paymentsAllocatesCardPayment(fineAccountNumber: string, amountPence: number) {
  const paymentId = randomUUID();
  const now = new Date().toISOString();
  await InProcessTransport.shared().publish([
    {
      topic: paymentAllocatedV1.topic,
      key: paymentId,
      value: JSON.stringify({
        specversion: '1.0', id: randomUUID(), source: 'payments', type: paymentAllocatedV1.type, subject: paymentId, time: now, datacontenttype: 'application/json', actor: 'system',
        data: { paymentId, allocationId: randomUUID(), target: 'fine-account', fineAccountNumber, amountPence, method: 'card', receivedAt: now, allocatedAt: now },
      }),
      headers: {},
    },
  ]);
}

describe('a criminal case resulted with a fine, collected by enforcement, through the gateway', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let judge: string;
  let officer: string;

  beforeAll(async () => {
    platform = await startPlatform({ services: ['enforcement'] });
    [caseworker, judge, officer] = await Promise.all([bearer('caseworker'), bearer('judiciary'), bearer('enforcement-officer', { sub: 'officer-sam' })]);
  });
  afterAll(() => platform.stop());

  const gql = async (query: string, variables: Record<string, unknown>, who: string): Promise<Loose> => {
    const res = await graphql(platform.gatewayUrl, query, variables, who);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };

  it('applies 500.00 by card to compensation, surcharge and costs in priority order, and the balances match to the penny', async () => {
    const created = await gql(
      'mutation($i: CreateCaseInput!) { createCase(input: $i) { id parties { id role } } }',
      { i: { caseType: 'criminal-prosecution', parties: [{ role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service' }, { role: 'defendant', kind: 'person', name: 'Jo Bloggs' }] } },
      caseworker,
    );
    const caseId: string = created.createCase.id;
    const defendant = created.createCase.parties.find((p: { role: string }) => p.role === 'defendant').id as string;
    await gql('mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { state } }', { i: { caseId, event: 'list' } }, caseworker);
    await gql(
      'mutation($i: RecordResultInput!) { recordCaseResult(input: $i) { id } }',
      {
        i: {
          caseId, defendantPartyId: defendant, outcome: 'Guilty plea: fined',
          impositions: [
            { kind: 'compensation', amountPence: 30_000, creditor: 'victim-1' },
            { kind: 'victim_surcharge', amountPence: 8_500, creditor: 'central-funds' },
            { kind: 'costs', amountPence: 15_000, creditor: 'cps' },
            { kind: 'fine', amountPence: 40_000, creditor: 'central-funds' },
          ],
        },
      },
      judge,
    );

    const opened = await eventually(async () => {
      const data = await gql('query($id: ID!) { case(id: $id) { fineAccounts { accountNumber balancePence defendantPartyId } } }', { id: caseId }, caseworker);
      expect(data.case.fineAccounts).toHaveLength(1);
      return data.case.fineAccounts[0];
    });
    expect(opened).toEqual({ accountNumber: expect.stringMatching(/^FA\d{8}[A-Z]$/), balancePence: 93_500, defendantPartyId: defendant });

    await paymentsAllocatesCardPayment(opened.accountNumber, 50_000);

    const account = await eventually(async () => {
      const data = await gql(
        'query($n: String!) { fineAccountByNumber(accountNumber: $n) { paidPence balancePence impositions { kind amountPence paidPence outstandingPence } case { id } } }',
        { n: opened.accountNumber.toLowerCase() },
        officer,
      );
      expect(data.fineAccountByNumber.paidPence).toBe(50_000);
      return data.fineAccountByNumber;
    });
    expect(account).toEqual({
      paidPence: 50_000,
      balancePence: 43_500,
      impositions: [
        { kind: 'compensation', amountPence: 30_000, paidPence: 30_000, outstandingPence: 0 },
        { kind: 'victim-surcharge', amountPence: 8_500, paidPence: 8_500, outstandingPence: 0 },
        { kind: 'costs', amountPence: 15_000, paidPence: 11_500, outstandingPence: 3_500 },
        { kind: 'fine', amountPence: 40_000, paidPence: 0, outstandingPence: 40_000 },
      ],
      case: { id: caseId },
    });

    const rest = await fetch(`${platform.gatewayUrl}/api/v1/enforcement/accounts/${opened.accountNumber}`, { headers: { authorization: officer } });
    expect(rest.status).toBe(200);
    expect(await rest.json()).toMatchObject({ balancePence: 43_500, paidPence: 50_000 });

    // A citizen sees no fine accounts, even on the case extension.
    const citizen = await graphql(platform.gatewayUrl, 'query($n: String!) { fineAccountByNumber(accountNumber: $n) { id } }', { n: opened.accountNumber }, await bearer('citizen'));
    expect(citizen.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
