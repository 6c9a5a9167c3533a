import { bearer, eventually } from '@ccsc/testing';
import { graphql, graphqlData } from './graphql-client';
import { resultedCriminalCase } from './flows';
import { RunningPlatform, startTestPlatform } from './platform';
import { as, partnerApi, type PartnerApi } from './rest-client';

const FINE_ACCOUNT_OF_CASE = graphql(`
  query ChequeFineAccountOfCase($id: ID!) {
    case(id: $id) {
      fineAccounts {
        accountNumber
      }
    }
  }
`);
const BALANCE = graphql(`
  query ChequeBalance($n: String!) {
    fineAccountByNumber(accountNumber: $n) {
      balancePence
      paidPence
    }
  }
`);

describe('a cheque with no reference, allocated to a fine account by one officer and verified by another', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let judge: string;
  let enforcementOfficer: string;
  let allocator: string;
  let verifier: string;
  let api: PartnerApi;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['payments', 'enforcement'] });
    [caseworker, judge, enforcementOfficer, allocator, verifier] = await Promise.all([
      bearer('caseworker'),
      bearer('judiciary'),
      bearer('enforcement-officer'),
      bearer('finance-officer', { sub: 'finance-fay' }),
      bearer('finance-officer', { sub: 'finance-sam' }),
    ]);
    api = partnerApi(platform.gatewayUrl);
  });
  afterAll(() => platform.stop());

  const balance = async (accountNumber: string) =>
    (await graphqlData(platform.gatewayUrl, BALANCE, { n: accountNumber }, enforcementOfficer)).fineAccountByNumber;
  const verify = (allocationId: string, who: string) =>
    api.POST('/api/v1/payments/allocations/{id}/verification', {
      ...as(who),
      params: { path: { id: allocationId } },
      body: { approve: true },
    });

  it("lowers the fine account's balance only once the allocation is verified", async () => {
    const { caseId } = await resultedCriminalCase(platform.gatewayUrl, { caseworker, judge }, [
      { kind: 'fine', amountPence: 40_000, creditor: 'central-funds' },
    ]);
    const accountNumber = await eventually(async () => {
      const data = await graphqlData(platform.gatewayUrl, FINE_ACCOUNT_OF_CASE, { id: caseId }, caseworker);
      expect(data.case.fineAccounts).toHaveLength(1);
      return data.case.fineAccounts[0]!.accountNumber;
    });
    expect(await balance(accountNumber)).toEqual({ balancePence: 40_000, paidPence: 0 });

    const cheque = await api.POST('/api/v1/payments/bulk-scan-payments', {
      ...as(allocator),
      body: { method: 'cheque', amountPence: 15_000, reference: 'no reference written' },
    });
    expect(cheque.response.status).toBe(201);
    expect(cheque.data).toMatchObject({ status: 'success', unallocatedPence: 15_000, allocations: [] });

    const allocation = await api.POST('/api/v1/payments/payments/{id}/allocations', {
      ...as(allocator),
      params: { path: { id: cheque.data!.id } },
      body: { target: 'fine-account', fineAccountNumber: accountNumber },
    });
    expect(allocation.response.status).toBe(201);
    const allocationId = allocation.data!.id;
    expect((await verify(allocationId, allocator)).response.status).toBe(409);
    // Allocated but not verified: the money has not moved, so enforcement has nothing yet.
    expect(await balance(accountNumber)).toEqual({ balancePence: 40_000, paidPence: 0 });

    expect((await verify(allocationId, verifier)).response.status).toBe(200);
    await eventually(async () =>
      expect(await balance(accountNumber)).toEqual({ balancePence: 25_000, paidPence: 15_000 }),
    );
  });
});
