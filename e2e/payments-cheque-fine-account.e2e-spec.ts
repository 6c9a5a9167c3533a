import { bearer, eventually } from '@ccsc/testing';
import { graphqlData, Loose } from './graphql-client';
import { resultedCriminalCase } from './flows';
import { RunningPlatform, startTestPlatform } from './platform';

describe('a cheque with no reference, allocated to a fine account by one officer and verified by another', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let judge: string;
  let enforcementOfficer: string;
  let allocator: string;
  let verifier: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['payments', 'enforcement'] });
    [caseworker, judge, enforcementOfficer, allocator, verifier] = await Promise.all([
      bearer('caseworker'),
      bearer('judiciary'),
      bearer('enforcement-officer'),
      bearer('finance-officer', { sub: 'finance-fay' }),
      bearer('finance-officer', { sub: 'finance-sam' }),
    ]);
  });
  afterAll(() => platform.stop());

  const gql = (query: string, variables: Record<string, unknown>, who: string) =>
    graphqlData(platform.gatewayUrl, query, variables, who);
  const post = async (path: string, who: string, body: unknown) => {
    const res = await fetch(`${platform.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { authorization: who, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Loose };
  };
  const balance = async (accountNumber: string) =>
    (
      await gql(
        'query($n: String!) { fineAccountByNumber(accountNumber: $n) { balancePence paidPence } }',
        { n: accountNumber },
        enforcementOfficer,
      )
    ).fineAccountByNumber;

  it("lowers the fine account's balance only once the allocation is verified", async () => {
    const { caseId } = await resultedCriminalCase(gql, { caseworker, judge }, [
      { kind: 'fine', amountPence: 40_000, creditor: 'central-funds' },
    ]);
    const accountNumber: string = await eventually(async () => {
      const data = await gql(
        'query($id: ID!) { case(id: $id) { fineAccounts { accountNumber } } }',
        { id: caseId },
        caseworker,
      );
      expect(data.case.fineAccounts).toHaveLength(1);
      return data.case.fineAccounts[0].accountNumber;
    });
    expect(await balance(accountNumber)).toEqual({ balancePence: 40_000, paidPence: 0 });

    const cheque = await post('/api/v1/payments/bulk-scan-payments', allocator, {
      method: 'cheque',
      amountPence: 15_000,
      reference: 'no reference written',
    });
    expect(cheque.status).toBe(201);
    expect(cheque.body).toMatchObject({ status: 'success', unallocatedPence: 15_000, allocations: [] });

    const allocation = await post(`/api/v1/payments/payments/${cheque.body.id}/allocations`, allocator, {
      target: 'fine-account',
      fineAccountNumber: accountNumber,
    });
    expect(allocation.status).toBe(201);
    expect(
      (await post(`/api/v1/payments/allocations/${allocation.body.id}/verification`, allocator, { approve: true }))
        .status,
    ).toBe(409);
    // Allocated but not verified: the money has not moved, so enforcement has nothing yet.
    expect(await balance(accountNumber)).toEqual({ balancePence: 40_000, paidPence: 0 });

    expect(
      (await post(`/api/v1/payments/allocations/${allocation.body.id}/verification`, verifier, { approve: true }))
        .status,
    ).toBe(200);
    await eventually(async () =>
      expect(await balance(accountNumber)).toEqual({ balancePence: 25_000, paidPence: 15_000 }),
    );
  });
});
