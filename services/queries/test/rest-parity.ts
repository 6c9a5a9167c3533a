import request, { type Response } from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { COMMAND_EVENTS } from '@ccsc/testing';

// What the REST routes of the officers' actions are checked with: the same call made over GraphQL,
// the refusal compared code for status, and the whole store compared before and after a refusal.

// Responses are checked field by field, so a loose type is enough here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

/** The status a REST caller gets for each code a GraphQL caller gets (the platform's error catalogue). */
const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Every table a command of the service writes, with what of a row may not change. The outbox is
 * compared by id: the relay marks rows published on its own time.
 */
/** Each table's rows as text, and which rows count (the outbox's: what commands wrote, `COMMAND_EVENTS`). */
const STORE: Record<string, string | { row: string; where: string }> = {
  enquiries: 't::text',
  enquiry_messages: 't::text',
  enquiry_history: 't::text',
  enquiry_sla_clocks: 't::text',
  contacts: 't::text',
  sla_policies: 't::text',
  triage_rules: 't::text',
  triage_decisions: 't::text',
  kb_articles: 't::text',
  kb_article_versions: 't::text',
  kb_feedback: 't::text',
  kb_signposts: 't::text',
  outbox: { row: 't.id::text', where: COMMAND_EVENTS },
};

export function restAndGraphQL(app: INestApplication, dataSource: DataSource) {
  const http = () => request(app.getHttpServer());
  const gql = async (query: string, variables: Record<string, unknown>, who: string) => {
    const res = await http().post('/graphql').set('Authorization', who).send({ query, variables }).expect(200);
    return res.body as { data?: Loose; errors?: { message: string; extensions: Loose }[] };
  };
  return {
    http,
    gql,
    ok: async (query: string, variables: Record<string, unknown>, who: string): Promise<Loose> => {
      const res = await gql(query, variables, who);
      expect(res.errors).toBeUndefined();
      return res.data!;
    },
    code: async (query: string, variables: Record<string, unknown>, who: string) =>
      (await gql(query, variables, who)).errors?.[0]?.extensions.code as string | undefined,
    /** The service's whole store, one digest per table: the same before and after a refused write. */
    store: async (): Promise<Record<string, string>> => {
      const digests = await Promise.all(
        Object.entries(STORE).map(async ([table, rows]) => {
          const { row, where } = typeof rows === 'string' ? { row: rows, where: 'true' } : rows;
          const [{ digest }] = (await dataSource.query(
            `SELECT count(*) || ':' || md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM ${table} t WHERE ${where}`,
          )) as [{ digest: string }];
          return [table, digest] as const;
        }),
      );
      return Object.fromEntries(digests);
    },
    /** The operations the service's OpenAPI document gives, by `METHOD /path`. */
    openApi: async (): Promise<Record<string, Loose>> => {
      const document = (await http().get('/openapi.json').expect(200)).body as { paths: Record<string, Loose> };
      return Object.fromEntries(
        Object.entries(document.paths).flatMap(([path, item]) =>
          Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation as Loose]),
        ),
      );
    },
  };
}

/** A REST refusal: problem+json with the status and the code that GraphQL gives the same refusal. */
export function expectProblem(res: Response, code: string): void {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect({ status: res.status, code: (res.body as Loose).code }).toEqual({ status: STATUS_OF[code], code });
}

/** Each operation is documented with a summary, the type it answers with, and (for writes with a body) its 400. */
export function expectDocumented(operations: Record<string, Loose>, keys: string[]): void {
  for (const key of keys) {
    const operation = operations[key];
    expect({ key, documented: Boolean(operation) }).toEqual({ key, documented: true });
    expect(operation!.summary).toEqual(expect.any(String));
    expect(operation!.tags).toEqual(['queries']);
    const success = Object.entries(operation!.responses as Record<string, Loose>).find(([status]) =>
      status.startsWith('2'),
    );
    expect(success?.[1].content?.['application/json']?.schema).toBeDefined();
    if (operation!.requestBody) expect(operation!.responses['400']).toBeDefined();
  }
}
