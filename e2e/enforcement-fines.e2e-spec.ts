import { bearer, eventually } from '@ccsc/testing';
import { CardProvider } from '../services/payments/src/payment/domain/card-provider.port';
import { SandboxCardProvider } from '../services/payments/src/payment/infrastructure/sandbox-card-provider';
import { graphql, graphqlData, sendGraphQL } from './graphql-client';
import { resultedCriminalCase } from './flows';
import { RunningPlatform, startTestPlatform } from './platform';
import { as, offContract, partnerApi, type PartnerApi } from './rest-client';
import { DataSource } from 'typeorm';

const FINE_ACCOUNTS_OF_CASE = graphql(`
  query FinesFineAccountsOfCase($id: ID!) {
    case(id: $id) {
      fineAccounts {
        accountNumber
        balancePence
        defendantPartyId
      }
    }
  }
`);
const COLLECTED = graphql(`
  query FinesCollected($n: String!) {
    fineAccountByNumber(accountNumber: $n) {
      paidPence
      balancePence
      impositions {
        kind
        amountPence
        paidPence
        outstandingPence
      }
      case {
        id
      }
    }
  }
`);
const BALANCE = graphql(`
  query FinesBalance($n: String!) {
    fineAccountByNumber(accountNumber: $n) {
      paidPence
      balancePence
    }
  }
`);
const CITIZEN_LOOKUP = graphql(`
  query FinesCitizenLookup($n: String!) {
    fineAccountByNumber(accountNumber: $n) {
      id
    }
  }
`);

describe('a criminal case resulted with a fine, paid by card in payments and collected by enforcement, through the gateway', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let judge: string;
  let officer: string;
  let defendant: string;
  let api: PartnerApi;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['enforcement', 'payments'] });
    [caseworker, judge, officer, defendant] = await Promise.all([
      bearer('caseworker'),
      bearer('judiciary'),
      bearer('enforcement-officer', { sub: 'officer-sam' }),
      bearer('citizen', { sub: 'defendant-jo' }),
    ]);
    api = partnerApi(platform.gatewayUrl);
  });
  afterAll(() => platform.stop());

  const fineAccount = (accountNumber: string, who: string) =>
    api.GET('/api/v1/payments/fine-accounts/{accountNumber}', { ...as(who), params: { path: { accountNumber } } });
  const payByCard = (accountNumber: string, headers: Record<string, string>) =>
    api.POST('/api/v1/payments/fine-accounts/{accountNumber}/card-payments', {
      headers,
      params: { path: { accountNumber } },
      body: { amountPence: 50_000, returnUrl: 'https://fines.example.gov.uk/paid' },
    });
  const payment = (id: string, who: string) =>
    api.GET('/api/v1/payments/payments/{id}', { ...as(who), params: { path: { id } } });
  const callBack = (callback: { body: unknown; signature: string }) =>
    api.POST('/api/v1/payments/card-callbacks', {
      params: { header: { 'payment-signature': callback.signature } },
      // The provider's own body, as it signed it: the signature, not the schema, is what payments checks first.
      body: offContract(callback.body),
    });

  it('applies 500.00 paid by card to compensation, surcharge and costs in priority order, and the balances match to the penny', async () => {
    const { caseId, defendant: defendantPartyId } = await resultedCriminalCase(
      platform.gatewayUrl,
      { caseworker, judge },
      [
        { kind: 'compensation', amountPence: 30_000, creditor: 'victim-1' },
        { kind: 'victim_surcharge', amountPence: 8_500, creditor: 'central-funds' },
        { kind: 'costs', amountPence: 15_000, creditor: 'cps' },
        { kind: 'fine', amountPence: 40_000, creditor: 'central-funds' },
      ],
    );

    const opened = await eventually(async () => {
      const data = await graphqlData(platform.gatewayUrl, FINE_ACCOUNTS_OF_CASE, { id: caseId }, caseworker);
      expect(data.case.fineAccounts).toHaveLength(1);
      return data.case.fineAccounts[0]!;
    });
    expect(opened).toEqual({
      accountNumber: expect.stringMatching(/^FA\d{8}[A-Z]$/),
      balancePence: 93_500,
      defendantPartyId,
    });

    // The defendant's number is payable once payments has it, and a number one digit out is refused before any provider.
    await eventually(async () =>
      expect((await fineAccount(opened.accountNumber, defendant)).response.status).toBe(200),
    );
    const mistyped = `${opened.accountNumber.slice(0, 9)}${(Number(opened.accountNumber[9]) + 1) % 10}${opened.accountNumber[10]}`;
    const refused = await payByCard(mistyped, { authorization: defendant });
    expect(refused.response.status).toBe(400);

    // The defendant starts a card payment to the account on their notice and is sent to the provider's page.
    const started = await payByCard(opened.accountNumber, {
      authorization: defendant,
      'idempotency-key': `fine-card-${caseId}`,
    });
    expect(started.response.status).toBe(201);
    const card = started.data!;
    expect(card).toMatchObject({
      method: 'card',
      status: 'pending',
      amountPence: 50_000,
      fineAccountNumber: opened.accountNumber,
      allocations: [],
    });
    // The provider's page is the payer's alone, and its address does not give away the provider's reference.
    expect(card.nextUrl).toMatch(/^https:\/\/card\.sandbox\.invalid\//);
    const [{ provider_reference: providerReference }] = (await platform.services
      .payments!.app.get(DataSource)
      .query('SELECT provider_reference FROM payments WHERE id = $1', [card.id])) as [{ provider_reference: string }];
    expect(card.nextUrl).not.toContain(providerReference);

    // The provider's signed success callback, delivered through the gateway without a token, as the provider posts it.
    const sandbox = platform.services.payments!.app.get(CardProvider) as SandboxCardProvider;
    const callback = sandbox.callbackFor(providerReference, 'success');
    expect((await callBack(callback)).response.status).toBe(204);

    const paid = await payment(card.id, defendant);
    expect(paid.response.status).toBe(200);
    expect(paid.data).toMatchObject({
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
      const data = await graphqlData(
        platform.gatewayUrl,
        COLLECTED,
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

    const rest = await api.GET('/api/v1/enforcement/accounts/{idOrNumber}', {
      ...as(officer),
      params: { path: { idOrNumber: opened.accountNumber } },
    });
    expect(rest.response.status).toBe(200);
    expect(rest.data).toMatchObject({ balancePence: 43_500, paidPence: 50_000 });

    // The provider retries its callback: nothing is allocated, or paid, twice.
    expect((await callBack(callback)).response.status).toBe(204);
    expect((await payment(card.id, defendant)).data?.allocations).toHaveLength(1);
    const after = await graphqlData(platform.gatewayUrl, BALANCE, { n: opened.accountNumber }, officer);
    expect(after.fineAccountByNumber).toEqual({ paidPence: 50_000, balancePence: 43_500 });

    // A citizen sees no fine accounts, even on the case extension.
    const citizen = await sendGraphQL(platform.gatewayUrl, CITIZEN_LOOKUP, { n: opened.accountNumber }, defendant);
    expect(citizen.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
