import { DataSource, QueryRunner } from 'typeorm';
import { bearer, eventually } from '@ccsc/testing';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql, graphqlData } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

/** Counts the SQL statements the queries service runs against its enquiry tables (the outbox relay's polling is left out). */
function countEnquirySql(dataSource: DataSource): { count: () => number; reset: () => void } {
  let statements = 0;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>): QueryRunner => {
    const runner = create(...args);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      if (/enquir/i.test(sql)) statements++;
      return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as QueryRunner['query'];
    return runner;
  };
  return { count: () => statements, reset: () => (statements = 0) };
}

const CASES_WITH_ENQUIRIES = graphql(`
  query EnquiriesOfCases($first: Int!) {
    cases(first: $first) {
      nodes {
        id
        reference
        enquiries {
          id
          subject
          status
          channel
          sla {
            clock
            unit
            state
            dueAt
          }
        }
      }
    }
  }
`);
const OPEN = graphql(`
  mutation EnquiriesOpenCase($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
    }
  }
`);
const RAISE = graphql(`
  mutation EnquiriesRaise($i: RaiseEnquiryInput!) {
    raiseEnquiry(input: $i) {
      id
    }
  }
`);
const FIRST_ENQUIRY = graphql(`
  query EnquiriesFirst {
    enquiries(first: 1) {
      nodes {
        id
      }
    }
  }
`);
const CASE_OF_ENQUIRY = graphql(`
  query EnquiriesCaseOf($id: ID!) {
    enquiry(id: $id) {
      case {
        id
        reference
        state
      }
    }
  }
`);

describe('a case with its enquiries through the gateway', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let sql: ReturnType<typeof countEnquirySql>;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['queries'] });
    caseworker = await bearer('caseworker', { sub: 'officer-sam' });
    sql = countEnquirySql(platform.services.queries!.app.get(DataSource));
  }, 120_000);
  afterAll(() => platform.stop());

  const gql = <Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables, who = caseworker) =>
    graphqlData(platform.gatewayUrl, document, variables, who);

  it('returns 50 cases with their enquiries and SLA state in one request, with the enquiries of all of them read in one SQL statement', async () => {
    const caseIds: string[] = [];
    for (let i = 0; i < 50; i++) {
      const created = await gql(OPEN, {
        i: {
          caseType: 'civil-money-claim',
          parties: [
            { role: 'claimant', kind: 'person', name: `Claimant ${i}` },
            { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
          ],
        },
      });
      caseIds.push(created.createCase.id);
    }
    // Queries learns of each case from cases' access events; an enquiry can be linked once it has.
    const raise = (caseId: string, subject: string) =>
      gql(RAISE, {
        i: {
          channel: 'telephone',
          subject,
          message: 'Caller asked when the claim will be issued',
          caseId,
          contact: { name: 'Caller' },
        },
      });
    await eventually(() => raise(caseIds[caseIds.length - 1]!, 'first'), 30_000);
    for (const caseId of caseIds.slice(0, -1)) await raise(caseId, 'first');
    await raise(caseIds[0]!, 'second');
    // Each enquiry raised is acknowledged by queries' own consumer, which reads the enquiry a moment
    // later: wait for all 51 acknowledgements, so that only the request's statements are counted.
    const queries = platform.services.queries!.app.get(DataSource);
    await eventually(async () => {
      const [{ n }] = (await queries.query(`SELECT count(*)::int AS n FROM correspondence_items`)) as [{ n: number }];
      expect(n).toBe(caseIds.length + 1);
    }, 30_000);

    sql.reset();
    const fifty = await gql(CASES_WITH_ENQUIRIES, { first: 50 });
    const fiftyStatements = sql.count();
    const nodes = fifty.cases.nodes;
    expect(nodes).toHaveLength(50);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const caseId of caseIds) {
      const found = byId.get(caseId)!;
      expect(found.enquiries.length).toBe(caseId === caseIds[0] ? 2 : 1);
      for (const e of found.enquiries) {
        expect(e).toMatchObject({ status: 'triaged', channel: 'telephone' });
        expect(e.sla).toEqual([
          { clock: 'first-response', unit: 'working-hours', state: 'on-track', dueAt: expect.any(String) },
          { clock: 'resolution', unit: 'working-days', state: 'on-track', dueAt: expect.any(String) },
        ]);
      }
    }
    expect(fiftyStatements).toBe(1);

    sql.reset();
    const five = await gql(CASES_WITH_ENQUIRIES, { first: 5 });
    expect(five.cases.nodes).toHaveLength(5);
    expect(sql.count()).toBe(fiftyStatements);
  });

  it("resolves an enquiry's case through the cases service, which applies its own access", async () => {
    const [first] = (await gql(FIRST_ENQUIRY, {})).enquiries.nodes;
    const found = await gql(CASE_OF_ENQUIRY, { id: first!.id });
    expect(found.enquiry.case).toMatchObject({
      state: 'Draft',
      reference: expect.stringMatching(/^\d{4}-\d{4}-\d{4}-\d{4}$/),
    });
  });
});
