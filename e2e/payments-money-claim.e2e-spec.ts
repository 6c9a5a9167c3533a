import { bearer, eventually } from '@ccsc/testing';
import { graphqlData, Loose } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

describe('a money claim paid by account, through the gateway', () => {
  let platform: RunningPlatform;
  let solicitor: string;
  let otherFirm: string;
  let finance: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['payments'] });
    [solicitor, otherFirm, finance] = await Promise.all([
      bearer('professional', { org: 'org-a', sub: 'solicitor-sam' }),
      bearer('professional', { org: 'org-b', sub: 'solicitor-kim' }),
      bearer('finance-officer', { sub: 'finance-fay' }),
    ]);
  });
  afterAll(() => platform.stop());

  const gql = (query: string, variables: Record<string, unknown>, who: string) =>
    graphqlData(platform.gatewayUrl, query, variables, who);
  const rest = async (method: string, path: string, who: string, body?: unknown) => {
    const res = await fetch(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { authorization: who, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Loose };
  };

  it("charges the issue fee on submission, settles it from the firm's account, and the case becomes ready", async () => {
    expect(
      (
        await rest('POST', '/api/v1/payments/accounts', finance, {
          accountNumber: 'PBA0012345',
          organisationId: 'org-a',
          name: 'Alpha Law LLP',
          creditLimitPence: 500_000,
        })
      ).status,
    ).toBe(201);
    const created = await gql(
      'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }',
      {
        i: {
          caseType: 'civil-money-claim',
          parties: [
            { role: 'claimant', kind: 'person', name: 'Alex Smith', representedBy: 'org-a' },
            { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
          ],
        },
      },
      solicitor,
    );
    const caseId: string = created.createCase.id;
    await gql(
      'mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { state } }',
      { i: { caseId, event: 'submit' } },
      solicitor,
    );

    const serviceRequest = await eventually(async () => {
      const { case: found } = await gql(
        'query($id: ID!) { case(id: $id) { reference serviceRequest { status outstandingPence fees { code amountPence pricingBasis outstandingPence caseEvent } } } }',
        { id: caseId },
        solicitor,
      );
      expect(found.serviceRequest).not.toBeNull();
      return found.serviceRequest;
    });
    // The submit event carries no claim amount: the ranged issue fee is charged at its lowest band.
    expect(serviceRequest).toEqual({
      status: 'not-paid',
      outstandingPence: 3_500,
      fees: [
        { code: 'FEE0202', amountPence: 3_500, pricingBasis: 'minimum', outstandingPence: 3_500, caseEvent: 'submit' },
      ],
    });

    const foreign = await rest('POST', `/api/v1/payments/cases/${caseId}/payments-by-account`, otherFirm, {
      accountNumber: 'PBA0012345',
    });
    expect(foreign.status).toBe(404);

    const paid = await rest('POST', `/api/v1/payments/cases/${caseId}/payments-by-account`, solicitor, {
      accountNumber: 'PBA0012345',
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      method: 'payment-by-account',
      status: 'success',
      amountPence: 3_500,
      unallocatedPence: 0,
    });

    await eventually(async () => {
      const { case: found } = await gql(
        'query($id: ID!) { case(id: $id) { readiness(event: "issue") { criteria { id met } } } }',
        { id: caseId },
        solicitor,
      );
      expect(found.readiness.criteria).toContainEqual({ id: 'fees-settled', met: true });
    });
    const { case: after } = await gql(
      'query($id: ID!) { case(id: $id) { serviceRequest { status paidPence outstandingPence } payments { method amountPence } } }',
      { id: caseId },
      solicitor,
    );
    expect(after).toEqual({
      serviceRequest: { status: 'paid', paidPence: 3_500, outstandingPence: 0 },
      payments: [{ method: 'payment-by-account', amountPence: 3_500 }],
    });

    const theirs = await rest('GET', '/api/v1/payments/payments', otherFirm);
    expect(theirs.body.items).toEqual([]);
    const accounts = await rest('GET', '/api/v1/payments/accounts', otherFirm);
    expect(accounts.body).toEqual([]);
    const mine = await rest('GET', '/api/v1/payments/accounts', solicitor);
    expect(mine.body).toEqual([
      expect.objectContaining({ accountNumber: 'PBA0012345', usedPence: 3_500, availablePence: 496_500 }),
    ]);
  });

  it("lets the card provider's signed callback through the gateway without a token, and nothing else", async () => {
    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${platform.gatewayUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ paymentId: 'x' }),
      });
    // Payments itself refuses it: the signature is the only credential a provider has.
    const unsigned = await post('/api/v1/payments/card-callbacks');
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { detail: string }).detail).toBe('The callback signature does not verify');
    // Every other route still needs a token at the edge.
    const other = await post('/api/v1/payments/bulk-scan-payments');
    expect(other.status).toBe(401);
    expect(((await other.json()) as { detail: string }).detail).not.toContain('signature');
  });
});
