import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { bearer, eventually } from '@ccsc/testing';
import { graphql, graphqlData } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';
import { as, offContract, partnerApi, type PartnerApi } from './rest-client';

const OPEN = graphql(`
  mutation PaidByAccountOpen($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
    }
  }
`);
const SUBMIT = graphql(`
  mutation PaidByAccountSubmit($i: TriggerCaseEventInput!) {
    triggerCaseEvent(input: $i) {
      state
    }
  }
`);
const SERVICE_REQUEST = graphql(`
  query PaidByAccountServiceRequest($id: ID!) {
    case(id: $id) {
      reference
      serviceRequest {
        status
        outstandingPence
        fees {
          code
          amountPence
          pricingBasis
          outstandingPence
          caseEvent
        }
      }
    }
  }
`);
const ISSUE_READINESS = graphql(`
  query PaidByAccountIssueReadiness($id: ID!) {
    case(id: $id) {
      readiness(event: "issue") {
        criteria {
          id
          met
        }
      }
    }
  }
`);
const PAID = graphql(`
  query PaidByAccountPaid($id: ID!) {
    case(id: $id) {
      serviceRequest {
        status
        paidPence
        outstandingPence
      }
      payments {
        method
        amountPence
      }
    }
  }
`);

describe('a money claim paid by account, through the gateway', () => {
  let platform: RunningPlatform;
  let solicitor: string;
  let otherFirm: string;
  let finance: string;
  let api: PartnerApi;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['payments'] });
    [solicitor, otherFirm, finance] = await Promise.all([
      bearer('professional', { org: 'org-a', sub: 'solicitor-sam' }),
      bearer('professional', { org: 'org-b', sub: 'solicitor-kim' }),
      bearer('finance-officer', { sub: 'finance-fay' }),
    ]);
    api = partnerApi(platform.gatewayUrl);
  });
  afterAll(() => platform.stop());

  const gql = <Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables, who: string) =>
    graphqlData(platform.gatewayUrl, document, variables, who);

  it("charges the issue fee on submission, settles it from the firm's account, and the case becomes ready", async () => {
    expect(
      (
        await api.POST('/api/v1/payments/accounts', {
          ...as(finance),
          body: {
            accountNumber: 'PBA0012345',
            organisationId: 'org-a',
            name: 'Alpha Law LLP',
            creditLimitPence: 500_000,
          },
        })
      ).response.status,
    ).toBe(201);
    // The credit waits for a second person: one finance officer alone grants none.
    expect(
      (
        await api.POST('/api/v1/payments/accounts/{accountNumber}/credit-limit/decision', {
          ...as(await bearer('team-leader', { sub: 'leader-lou' })),
          params: { path: { accountNumber: 'PBA0012345' } },
          body: { approve: true, creditLimitPence: 500_000 },
        })
      ).response.status,
    ).toBe(200);
    const created = await gql(
      OPEN,
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
    const caseId = created.createCase.id;
    await gql(SUBMIT, { i: { caseId, event: 'submit' } }, solicitor);

    const serviceRequest = await eventually(async () => {
      const { case: found } = await gql(SERVICE_REQUEST, { id: caseId }, solicitor);
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

    const payByAccount = (who: string) =>
      api.POST('/api/v1/payments/cases/{caseId}/payments-by-account', {
        ...as(who),
        params: { path: { caseId } },
        body: { accountNumber: 'PBA0012345' },
      });
    const foreign = await payByAccount(otherFirm);
    expect(foreign.response.status).toBe(404);

    const paid = await payByAccount(solicitor);
    expect(paid.response.status).toBe(201);
    expect(paid.data).toMatchObject({
      method: 'payment-by-account',
      status: 'success',
      amountPence: 3_500,
      unallocatedPence: 0,
    });

    await eventually(async () => {
      const { case: found } = await gql(ISSUE_READINESS, { id: caseId }, solicitor);
      expect(found.readiness.criteria).toContainEqual({ id: 'fees-settled', met: true });
    });
    const { case: after } = await gql(PAID, { id: caseId }, solicitor);
    expect(after).toEqual({
      serviceRequest: { status: 'paid', paidPence: 3_500, outstandingPence: 0 },
      payments: [{ method: 'payment-by-account', amountPence: 3_500 }],
    });

    const theirs = await api.GET('/api/v1/payments/payments', as(otherFirm));
    expect(theirs.data?.items).toEqual([]);
    const accounts = await api.GET('/api/v1/payments/accounts', as(otherFirm));
    expect(accounts.data).toEqual([]);
    const mine = await api.GET('/api/v1/payments/accounts', as(solicitor));
    expect(mine.data).toEqual([
      expect.objectContaining({ accountNumber: 'PBA0012345', usedPence: 3_500, availablePence: 496_500 }),
    ]);
  });

  it("lets the card provider's signed callback through the gateway without a token, and nothing else", async () => {
    // Payments itself refuses it: the signature is the only credential a provider has.
    const unsigned = await api.POST('/api/v1/payments/card-callbacks', {
      params: { header: offContract({}) },
      body: offContract({ paymentId: 'x' }),
    });
    expect(unsigned.response.status).toBe(401);
    expect(unsigned.error?.detail).toBe('The callback signature does not verify');
    // Every other route still needs a token at the edge.
    const other = await api.POST('/api/v1/payments/bulk-scan-payments', { body: offContract({ paymentId: 'x' }) });
    expect(other.response.status).toBe(401);
    expect(other.error?.detail).not.toContain('signature');
  });
});
