import { bearer, eventually } from '@ccsc/testing';
import { CardProvider } from '../services/payments/src/payment/domain/card-provider.port';
import { SandboxCardProvider } from '../services/payments/src/payment/infrastructure/sandbox-card-provider';
import { graphql, graphqlData, Loose } from './graphql-client';
import { resultedCriminalCase } from './flows';
import { RunningPlatform, startTestPlatform } from './platform';
import { DataSource } from 'typeorm';

describe('a criminal case resulted with a fine, paid by card in payments and collected by enforcement, through the gateway', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let judge: string;
  let officer: string;
  let defendant: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['enforcement', 'payments'] });
    [caseworker, judge, officer, defendant] = await Promise.all([
      bearer('caseworker'),
      bearer('judiciary'),
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('citizen', { sub: 'defendant-jo' }),
    ]);
  });
  afterAll(() => platform.stop());

  const gql = (query: string, variables: Record<string, unknown>, who: string) =>
    graphqlData(platform.gatewayUrl, query, variables, who);
  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${platform.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Loose };
  };

  const get = async (path: string, who: string) => {
    const res = await fetch(`${platform.gatewayUrl}${path}`, { headers: { authorization: who } });
    return { status: res.status, body: (await res.json()) as Loose };
  };

  it('applies 500.00 paid by card to compensation, surcharge and costs in priority order, and the balances match to the penny', async () => {
    const { caseId, defendant: defendantPartyId } = await resultedCriminalCase(gql, { caseworker, judge }, [
      { kind: 'compensation', amountPence: 30_000, creditor: 'victim-1' },
      { kind: 'victim_surcharge', amountPence: 8_500, creditor: 'central-funds' },
      { kind: 'costs', amountPence: 15_000, creditor: 'cps' },
      { kind: 'fine', amountPence: 40_000, creditor: 'central-funds' },
    ]);

    const opened = await eventually(async () => {
      const data = await gql(
        'query($id: ID!) { case(id: $id) { fineAccounts { accountNumber balancePence defendantPartyId } } }',
        { id: caseId },
        caseworker,
      );
      expect(data.case.fineAccounts).toHaveLength(1);
      return data.case.fineAccounts[0];
    });
    expect(opened).toEqual({
      accountNumber: expect.stringMatching(/^FA\d{8}[A-Z]$/),
      balancePence: 93_500,
      defendantPartyId,
    });

    // The defendant's number is payable once payments has it, and a number one digit out is refused before any provider.
    await eventually(async () =>
      expect((await get(`/api/v1/payments/fine-accounts/${opened.accountNumber}`, defendant)).status).toBe(200),
    );
    const mistyped = `${opened.accountNumber.slice(0, 9)}${(Number(opened.accountNumber[9]) + 1) % 10}${opened.accountNumber[10]}`;
    const refused = await post(
      `/api/v1/payments/fine-accounts/${mistyped}/card-payments`,
      { amountPence: 50_000, returnUrl: 'https://fines.example.gov.uk/paid' },
      { authorization: defendant },
    );
    expect(refused.status).toBe(400);

    // The defendant starts a card payment to the account on their notice and is sent to the provider's page.
    const started = await post(
      `/api/v1/payments/fine-accounts/${opened.accountNumber}/card-payments`,
      { amountPence: 50_000, returnUrl: 'https://fines.example.gov.uk/paid' },
      { authorization: defendant, 'idempotency-key': `fine-card-${caseId}` },
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      method: 'card',
      status: 'pending',
      amountPence: 50_000,
      fineAccountNumber: opened.accountNumber,
      allocations: [],
    });
    // The provider's page is the payer's alone, and its address does not give away the provider's reference.
    expect(started.body.nextUrl).toMatch(/^https:\/\/card\.sandbox\.invalid\//);
    const [{ provider_reference: providerReference }] = (await platform.services
      .payments!.app.get(DataSource)
      .query('SELECT provider_reference FROM payments WHERE id = $1', [started.body.id])) as [
      { provider_reference: string },
    ];
    expect(started.body.nextUrl).not.toContain(providerReference);

    // The provider's signed success callback, delivered through the gateway without a token, as the provider posts it.
    const sandbox = platform.services.payments!.app.get(CardProvider) as SandboxCardProvider;
    const callback = sandbox.callbackFor(providerReference, 'success');
    expect(
      (await post('/api/v1/payments/card-callbacks', callback.body, { 'payment-signature': callback.signature }))
        .status,
    ).toBe(204);

    const paid = await get(`/api/v1/payments/payments/${started.body.id}`, defendant);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'success',
      unallocatedPence: 0,
      allocations: [
        expect.objectContaining({
          target: 'fine-account',
          fineAccountNumber: opened.accountNumber,
          amountPence: 50_000,
          status: 'verified',
        }),
      ],
    });

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

    const rest = await get(`/api/v1/enforcement/accounts/${opened.accountNumber}`, officer);
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ balancePence: 43_500, paidPence: 50_000 });

    // The provider retries its callback: nothing is allocated, or paid, twice.
    expect(
      (await post('/api/v1/payments/card-callbacks', callback.body, { 'payment-signature': callback.signature }))
        .status,
    ).toBe(204);
    expect((await get(`/api/v1/payments/payments/${started.body.id}`, defendant)).body.allocations).toHaveLength(1);
    const after = await gql(
      'query($n: String!) { fineAccountByNumber(accountNumber: $n) { paidPence balancePence } }',
      { n: opened.accountNumber },
      officer,
    );
    expect(after.fineAccountByNumber).toEqual({ paidPence: 50_000, balancePence: 43_500 });

    // A citizen sees no fine accounts, even on the case extension.
    const citizen = await graphql(
      platform.gatewayUrl,
      'query($n: String!) { fineAccountByNumber(accountNumber: $n) { id } }',
      { n: opened.accountNumber },
      defendant,
    );
    expect(citizen.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
