import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { bearer, eventually } from '@ccsc/testing';
import type { FinesAcrossCasesAccountQuery } from './generated/graphql/graphql';
import { graphql, graphqlData, sendGraphQL } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';
import { as, partnerApi, type PartnerApi } from './rest-client';

const CREATE = graphql(`
  mutation FinesAcrossCasesCreate($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
      state
      parties {
        id
        role
        name
      }
    }
  }
`);
const TRIGGER = graphql(`
  mutation FinesAcrossCasesTrigger($i: TriggerCaseEventInput!) {
    triggerCaseEvent(input: $i) {
      state
    }
  }
`);
const RESULT = graphql(`
  mutation FinesAcrossCasesResult($i: RecordResultInput!) {
    recordCaseResult(input: $i) {
      id
    }
  }
`);
const ACCOUNT = graphql(`
  query FinesAcrossCasesAccount($n: String!) {
    fineAccountByNumber(accountNumber: $n) {
      id
      accountNumber
      status
      imposedPence
      paidPence
      balancePence
      impositions {
        amountPence
        paidPence
        outstandingPence
      }
    }
  }
`);
const ACCOUNTS_OF_CASE = graphql(`
  query FinesAcrossCasesAccountsOfCase($id: ID!) {
    case(id: $id) {
      state
      fineAccounts {
        accountNumber
        defendantPartyId
      }
    }
  }
`);
const CASE_STATE = graphql(`
  query FinesAcrossCasesCaseState($id: ID!) {
    case(id: $id) {
      state
    }
  }
`);
const CONSOLIDATE = graphql(`
  mutation FinesAcrossCasesConsolidate($a: ID!, $i: ConsolidateFineAccountsInput!) {
    consolidateFineAccounts(accountId: $a, input: $i) {
      balancePence
    }
  }
`);
const MATCH = graphql(`
  mutation FinesAcrossCasesMatch($i: MatchPartyIdentityInput!) {
    matchPartyIdentity(input: $i) {
      id
      parties {
        caseId
      }
    }
  }
`);
const ACCOUNTS_OF_DEFENDANT = graphql(`
  query FinesAcrossCasesAccountsOfDefendant($p: ID!) {
    fineAccountsOfDefendant(defendantPartyId: $p) {
      accountNumber
    }
  }
`);
const CHEQUE = graphql(`
  mutation FinesAcrossCasesCheque($i: RecordBulkScanPaymentInput!) {
    recordBulkScanPayment(input: $i) {
      id
      allocations {
        id
      }
    }
  }
`);
const ALLOCATE = graphql(`
  mutation FinesAcrossCasesAllocate($p: ID!, $i: PaymentAllocationInput!) {
    allocatePayment(paymentId: $p, input: $i) {
      id
    }
  }
`);
const VERIFY = graphql(`
  mutation FinesAcrossCasesVerify($a: ID!, $i: VerifyAllocationInput!) {
    verifyAllocation(allocationId: $a, input: $i) {
      id
    }
  }
`);
const SUSPENSE = graphql(`
  query FinesAcrossCasesSuspense {
    suspenseItems(reason: "consolidated", state: "held", first: 100) {
      nodes {
        id
        paymentId
        amountPence
        accountNumber
      }
    }
  }
`);
const ALLOCATE_SUSPENSE = graphql(`
  mutation FinesAcrossCasesAllocateSuspense($id: ID!, $i: AllocateSuspenseItemInput!) {
    allocateSuspenseItem(id: $id, input: $i) {
      state
    }
  }
`);

type Account = NonNullable<FinesAcrossCasesAccountQuery['fineAccountByNumber']>;

/*
 * Issue 21, end to end through the gateway: a criminal case with two defendants, each resulted with a fine account;
 * one of them the same person as on an earlier case, whose accounts an officer consolidates once staff have matched
 * the two parties; a card payment to a mistyped number refused before the provider; and a payment that lands in
 * suspense found and allocated by an officer, with every balance agreeing to the penny.
 */
describe('fines across cases: two defendants, one person on two cases, suspense worked by an officer', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let judge: string;
  let officer: string;
  let allocator: string;
  let verifier: string;
  let payer: string;
  let api: PartnerApi;

  beforeAll(async () => {
    platform = await startTestPlatform();
    [caseworker, judge, officer, allocator, verifier, payer] = await Promise.all([
      bearer('caseworker'),
      bearer('judiciary'),
      bearer('enforcement-officer'),
      bearer('finance-officer', { sub: 'finance-fay' }),
      bearer('finance-officer', { sub: 'finance-sam' }),
      bearer('citizen', { sub: 'citizen-dana' }),
    ]);
    api = partnerApi(platform.gatewayUrl);
  });
  afterAll(() => platform.stop());

  const gql = <Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables, who: string) =>
    graphqlData(platform.gatewayUrl, document, variables, who);
  const prosecution = async (defendants: string[]) => {
    const { createCase } = await gql(
      CREATE,
      {
        i: {
          caseType: 'criminal-prosecution',
          parties: [
            { role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service' },
            ...defendants.map((name) => ({ role: 'defendant' as const, kind: 'person' as const, name })),
          ],
        },
      },
      caseworker,
    );
    await gql(TRIGGER, { i: { caseId: createCase.id, event: 'list' } }, caseworker);
    const parties = createCase.parties.filter((p) => p.role === 'defendant');
    return { id: createCase.id, defendants: parties.map((p) => p.id) };
  };
  const fine = (caseId: string, defendantPartyId: string, amountPence: number) =>
    gql(
      RESULT,
      {
        i: {
          caseId,
          defendantPartyId,
          outcome: 'Guilty plea: fined',
          impositions: [{ kind: 'fine', amountPence, creditor: 'central-funds' }],
        },
      },
      judge,
    );
  const accountsOf = (caseId: string, count: number) =>
    eventually(async () => {
      const data = await gql(ACCOUNTS_OF_CASE, { id: caseId }, caseworker);
      expect(data.case.fineAccounts).toHaveLength(count);
      return data.case;
    }, 30_000);
  const account = async (accountNumber: string): Promise<Account> =>
    (await gql(ACCOUNT, { n: accountNumber }, officer)).fineAccountByNumber!;
  /** The account's figures agree: what was imposed, less what was paid, is the balance and what its impositions owe. */
  const agrees = (a: Account) => {
    const owed = a.impositions.reduce((sum, i) => sum + i.outstandingPence, 0);
    const paid = a.impositions.reduce((sum, i) => sum + i.paidPence, 0);
    expect({ balance: a.balancePence, owed, paid }).toEqual({
      balance: a.imposedPence - a.paidPence,
      owed: a.balancePence,
      paid: a.paidPence,
    });
  };

  it('results each defendant with an account, consolidates one person’s accounts across cases, and works suspense to the penny', async () => {
    // An earlier case: Dana was fined 200.00.
    const earlier = await prosecution(['Dana Defendant']);
    await fine(earlier.id, earlier.defendants[0]!, 20_000);
    const [earlierAccount] = (await accountsOf(earlier.id, 1)).fineAccounts;

    // Now Dana and Eli together: each is resulted on their own; the case is resulted once both are.
    const joint = await prosecution(['Dana Defendant', 'Eli Codefendant']);
    const [dana, eli] = joint.defendants as [string, string];
    await fine(joint.id, dana, 30_000);
    expect((await gql(CASE_STATE, { id: joint.id }, caseworker)).case.state).toBe('Listed');
    await fine(joint.id, eli, 15_000);
    const jointCase = await accountsOf(joint.id, 2);
    expect(jointCase.state).toBe('Resulted');
    const danaAccount = jointCase.fineAccounts.find((a) => a.defendantPartyId === dana)!.accountNumber;
    const eliAccount = jointCase.fineAccounts.find((a) => a.defendantPartyId === eli)!.accountNumber;
    expect(new Set([earlierAccount!.accountNumber, danaAccount, eliAccount]).size).toBe(3);

    // Dana's two accounts are two people's until staff say otherwise.
    const [target, source] = [await account(danaAccount), await account(earlierAccount!.accountNumber)];
    const before = await sendGraphQL(
      platform.gatewayUrl,
      CONSOLIDATE,
      { a: target.id, i: { accountIds: [source.id] } },
      officer,
    );
    expect(before.body.errors?.[0]?.extensions.code).toBe('CONFLICT');

    const matched = await gql(
      MATCH,
      { i: { caseId: joint.id, partyId: dana, sameAsPartyId: earlier.defendants[0]! } },
      caseworker,
    );
    expect(matched.matchPartyIdentity.parties.map((p) => p.caseId)).toEqual([earlier.id, joint.id]);
    await eventually(async () => {
      const { fineAccountsOfDefendant } = await gql(ACCOUNTS_OF_DEFENDANT, { p: dana }, officer);
      expect(fineAccountsOfDefendant.map((a) => a.accountNumber)).toEqual([earlierAccount!.accountNumber, danaAccount]);
    }, 30_000);
    const consolidated = await gql(CONSOLIDATE, { a: target.id, i: { accountIds: [source.id] } }, officer);
    expect(consolidated.consolidateFineAccounts.balancePence).toBe(50_000);
    expect((await account(earlierAccount!.accountNumber)).status).toBe('consolidated');
    agrees(await account(danaAccount));
    expect((await account(eliAccount)).balancePence).toBe(15_000);

    // A card payment to Dana's number with one digit mistyped is refused before any provider sees it.
    const digit = Number(danaAccount[9]);
    const mistyped = `${danaAccount.slice(0, 9)}${(digit + 1) % 10}${danaAccount.slice(10)}`;
    const refused = await api.POST('/api/v1/payments/fine-accounts/{accountNumber}/card-payments', {
      ...as(payer),
      params: { path: { accountNumber: mistyped } },
      body: { amountPence: 5_000, returnUrl: 'https://fines.example.gov.uk/paid' },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.errors).toEqual([expect.objectContaining({ field: 'accountNumber' })]);

    // A cheque quoting the old, consolidated number: payments allocates it there (two officers), and enforcement
    // cannot take it on a consolidated account, so it lands in suspense.
    const cheque = await gql(
      CHEQUE,
      {
        i: {
          method: 'cheque',
          amountPence: 7_550,
          fineAccountNumber: earlierAccount!.accountNumber,
          reference: 'Dana',
        },
      },
      allocator,
    );
    const proposed = cheque.recordBulkScanPayment.allocations;
    const allocationId =
      proposed[0]?.id ??
      (
        await gql(
          ALLOCATE,
          {
            p: cheque.recordBulkScanPayment.id,
            i: { target: 'fine-account', fineAccountNumber: earlierAccount!.accountNumber },
          },
          allocator,
        )
      ).allocatePayment.id;
    await gql(VERIFY, { a: allocationId, i: { approve: true } }, verifier);

    // The officer finds it in suspense, with its reason, and allocates it to Dana's live account.
    const item = await eventually(async () => {
      const { suspenseItems } = await gql(SUSPENSE, {}, officer);
      const found = suspenseItems.nodes.find((n) => n.paymentId === cheque.recordBulkScanPayment.id);
      expect(found).toBeDefined();
      return found!;
    }, 30_000);
    expect(item).toMatchObject({ amountPence: 7_550, accountNumber: earlierAccount!.accountNumber });
    const allocated = await gql(ALLOCATE_SUSPENSE, { id: item.id, i: { accountNumber: danaAccount } }, officer);
    expect(allocated.allocateSuspenseItem.state).toBe('allocated');
    const again = await sendGraphQL(
      platform.gatewayUrl,
      ALLOCATE_SUSPENSE,
      { id: item.id, i: { accountNumber: danaAccount } },
      officer,
    );
    expect(again.body.errors?.[0]?.extensions.code).toBe('CONFLICT');

    // To the penny: 500.00 consolidated, 75.50 paid, 424.50 owed; Eli's account untouched.
    const finalDana = await account(danaAccount);
    expect(finalDana).toMatchObject({ imposedPence: 50_000, paidPence: 7_550, balancePence: 42_450 });
    agrees(finalDana);
    expect(await account(eliAccount)).toMatchObject({ paidPence: 0, balancePence: 15_000 });
  });
});
