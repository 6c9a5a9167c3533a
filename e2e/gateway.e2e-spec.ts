import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { bearer } from '@ccsc/testing';
import { RunningPlatform, serveJwks, startTestPlatform } from './platform';
import {
  graphql,
  invalidVariables,
  type Loose,
  sendGraphQL,
  sendOffContractGraphQL,
  sendUntypedGraphQL,
  type SendOptions,
} from './graphql-client';
import { as, partnerApi } from './rest-client';

const CREATE = graphql(`
  mutation Create($input: CreateCaseInput!) {
    createCase(input: $input) {
      id
      reference
      state
      caseType
      parties {
        name
        role
        representedBy
      }
    }
  }
`);
// createdAt: a replayed instant is still a DateTime, not null.
const CREATE_WITH_TIME = graphql(`
  mutation CreateWithTime($input: CreateCaseInput!) {
    createCase(input: $input) {
      id
      reference
      state
      caseType
      createdAt
      parties {
        name
        role
        representedBy
      }
    }
  }
`);
const CREATE_TWICE = graphql(`
  mutation CreateTwice($input: CreateCaseInput!) {
    a: createCase(input: $input) {
      id
    }
    b: createCase(input: $input) {
      id
    }
  }
`);
const READ = graphql(`
  query Read($id: ID!) {
    case(id: $id) {
      id
      reference
      state
      parties {
        name
      }
      readiness(event: "submit") {
        ready
      }
    }
  }
`);
const BY_REFERENCE = graphql(`
  query ByReference($r: String!) {
    caseByReference(reference: $r) {
      id
    }
  }
`);
const PAGE = graphql(`
  query Page($after: String) {
    cases(first: 2, after: $after) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const SEARCH = graphql(`
  query SearchByParty($c: CaseSearchInput!) {
    searchCases(criteria: $c, first: 10) {
      nodes {
        id
      }
    }
  }
`);
const HUNDRED_CASES = graphql(`
  query HundredCases {
    cases(first: 100) {
      nodes {
        id
      }
    }
  }
`);
const DEEP = graphql(`
  query Deep {
    cases {
      nodes {
        parties {
          name
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);
const ONE_CASE = graphql(`
  query OneCase {
    cases(first: 1) {
      nodes {
        id
      }
    }
  }
`);
const CASE_IDS = graphql(`
  query CaseIds {
    cases {
      nodes {
        id
      }
    }
  }
`);
const INTROSPECTION = graphql(`
  query TypeNames {
    __schema {
      types {
        name
      }
    }
  }
`);
const PARTY_NAMES = graphql(`
  query PartyNames {
    cases {
      nodes {
        parties {
          name
        }
      }
    }
  }
`);

// What both APIs take to open a claim: GraphQL's CreateCaseInput and REST's body alike.
const claim = (org = 'org-a') => ({
  caseType: 'civil-money-claim',
  parties: [
    { role: 'claimant' as const, kind: 'person' as const, name: 'Alex Claimant', representedBy: org },
    { role: 'defendant' as const, kind: 'organisation' as const, name: 'Widgets Ltd' },
  ],
});

describe('the platform through the gateway', () => {
  let platform: RunningPlatform;
  let caseworker: string;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    caseworker = await bearer('caseworker');
    orgA = await bearer('professional', { org: 'org-a' });
    orgB = await bearer('professional', { org: 'org-b' });
  });
  afterAll(() => platform.stop());

  it('creates a case with a GraphQL mutation and reads it back with a query', async () => {
    const created = await sendGraphQL(platform.gatewayUrl, CREATE, { input: claim() }, caseworker);
    expect(created.body.errors).toBeUndefined();
    const c = created.body.data!.createCase;
    expect(c).toMatchObject({ state: 'Draft', caseType: 'civil-money-claim' });

    const read = await sendGraphQL(platform.gatewayUrl, READ, { id: c.id }, caseworker);
    expect(read.body.data!.case).toEqual({
      id: c.id,
      reference: c.reference,
      state: 'Draft',
      parties: [{ name: 'Alex Claimant' }, { name: 'Widgets Ltd' }],
      readiness: { ready: true },
    });

    const byRef = await sendGraphQL(
      platform.gatewayUrl,
      BY_REFERENCE,
      { r: c.reference.replace(/-/g, '') },
      caseworker,
    );
    expect(byRef.body.data!.caseByReference.id).toBe(c.id);
  });

  it('pages through cases with a cursor connection', async () => {
    for (let i = 0; i < 3; i++) await sendGraphQL(platform.gatewayUrl, CREATE, { input: claim() }, caseworker);
    const first = await sendGraphQL(platform.gatewayUrl, PAGE, {}, caseworker);
    expect(first.body.data!.cases.nodes).toHaveLength(2);
    expect(first.body.data!.cases.pageInfo.hasNextPage).toBe(true);
    const second = await sendGraphQL(
      platform.gatewayUrl,
      PAGE,
      { after: first.body.data!.cases.pageInfo.endCursor },
      caseworker,
    );
    const ids = [...first.body.data!.cases.nodes, ...second.body.data!.cases.nodes].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);

    // An empty cursor is not one the API issued (REST refuses it too); null is no cursor, the first page.
    const empty = await sendGraphQL(platform.gatewayUrl, PAGE, { after: '' }, caseworker);
    expect(empty.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [expect.objectContaining({ field: 'after' })],
    });
    const none = await sendGraphQL(platform.gatewayUrl, PAGE, { after: null }, caseworker);
    expect(none.body.data!.cases.nodes.map((n) => n.id)).toEqual(first.body.data!.cases.nodes.map((n) => n.id));
  });

  it('refuses URL parameters the GraphQL endpoint does not take, or takes twice, before running anything', async () => {
    const query = encodeURIComponent('{ cases(first: 1) { nodes { id } } }');
    const get = (search: string) =>
      fetch(`${platform.gatewayUrl}/graphql?${search}`, { headers: { authorization: caseworker } });
    expect((await get(`query=${query}`)).status).toBe(200);
    for (const search of [`query=${query}&first=100`, `query=${query}&query=${query}`]) {
      const res = await get(search);
      expect({ search, status: res.status }).toEqual({ search, status: 400 });
      expect(((await res.json()) as Loose).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    const post = await fetch(`${platform.gatewayUrl}/graphql?dryRun=true`, {
      method: 'POST',
      headers: { authorization: caseworker, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { __typename }' }),
    });
    expect(post.status).toBe(400);
  });

  it('runs one mutation per request: aliases and fragments do not make one request several writes', async () => {
    const before = (await sendGraphQL(platform.gatewayUrl, HUNDRED_CASES, {}, caseworker)).body.data!.cases.nodes
      .length;
    const create = (alias: string) => `${alias}: createCase(input: $input) { id }`;
    for (const document of [
      `mutation($input: CreateCaseInput!) { ${create('a')} ${create('b')} }`,
      `mutation($input: CreateCaseInput!) { ${create('a')} ... on Mutation { ${create('again')} } }`,
      `mutation($input: CreateCaseInput!) { ...Two } fragment Two on Mutation { ${create('a')} ${create('b')} }`,
    ]) {
      const refused = await sendUntypedGraphQL(platform.gatewayUrl, document, { input: claim() }, caseworker);
      expect(refused.status).toBe(400);
      expect(refused.body.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [expect.objectContaining({ field: 'mutation' })],
      });
    }
    expect((await sendGraphQL(platform.gatewayUrl, HUNDRED_CASES, {}, caseworker)).body.data!.cases.nodes.length).toBe(
      before,
    );
  });

  it('runs a GraphQL mutation retried with the same Idempotency-Key once, and answers the retry with the first result', async () => {
    const keyed = async <Data, Variables>(
      document: TypedDocumentNode<Data, Variables>,
      variables: Variables,
      options: SendOptions,
    ) => (await sendGraphQL(platform.gatewayUrl, document, variables, caseworker, options)).body;
    const marker = `Idempotent ${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')
      .slice(0, 8)}`;
    const input = { ...claim(), parties: [{ ...claim().parties[0], name: marker }, claim().parties[1]] };
    const key = { 'idempotency-key': `create-${marker}` };
    const first = await keyed(CREATE_WITH_TIME, { input }, { headers: key });
    expect(first.data?.createCase.createdAt).toEqual(expect.any(String));
    expect(first.errors).toBeUndefined();
    const again = await keyed(CREATE_WITH_TIME, { input }, { headers: key });
    expect(again).toEqual(first);
    // The same key from the request's extensions, as a client without per-operation headers sends it.
    const viaExtension = await keyed(
      CREATE_WITH_TIME,
      { input },
      { extensions: { idempotencyKey: key['idempotency-key'] } },
    );
    expect(viaExtension).toEqual(first);
    const found = await sendGraphQL(platform.gatewayUrl, SEARCH, { c: { partyName: marker } }, caseworker);
    expect(found.body.data?.searchCases.nodes ?? found.body.errors).toEqual([{ id: first.data!.createCase.id }]);

    // The key names one request: other arguments, two mutation fields, or a key that is no string are refused.
    const other = await keyed(CREATE, { input: claim() }, { headers: key });
    expect(other.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const two = await keyed(CREATE_TWICE, { input }, { headers: { 'idempotency-key': `two-${marker}` } });
    expect(two.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    // A key that is no string, or holds what a header cannot carry (the subgraph gets it as one), is refused at the
    // gateway: a non-ASCII key failed its fetch as the gateway's own error, quoting the variables back.
    for (const idempotencyKey of [42, '€-key', 'a\ud83d\ude00b', '']) {
      const refused = await keyed(CREATE, { input }, { extensions: { idempotencyKey } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' }],
      });
      expect(JSON.stringify(refused)).not.toContain('Alex');
    }
  });

  it('routes partner REST to the cases service with the same authentication', async () => {
    const api = partnerApi(platform.gatewayUrl);
    const created = await api.POST('/api/v1/cases', { ...as(orgA), body: claim() });
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get('x-correlation-id')).toBeTruthy();
    const body = created.data!;
    const read = await api.GET('/api/v1/cases/{idOrReference}', {
      ...as(orgA),
      params: { path: { idOrReference: body.reference } },
    });
    expect(read.response.status).toBe(200);
    expect(read.data!.id).toBe(body.id);

    const anonymous = await api.GET('/api/v1/cases');
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.response.headers.get('content-type')).toContain('application/problem+json');
    // A route the contract does not have, on purpose.
    const unknown = await fetch(`${platform.gatewayUrl}/api/v1/nothing-here`, { headers: { authorization: orgA } });
    expect(unknown.status).toBe(404);
  });

  it('never shows organisation B a case represented by organisation A, whichever way it asks', async () => {
    const created = await sendGraphQL(platform.gatewayUrl, CREATE, { input: claim('org-a') }, orgA);
    const { id, reference } = created.body.data!.createCase;

    const viaGateway = await sendGraphQL(platform.gatewayUrl, READ, { id }, orgB);
    expect(viaGateway.body.data?.case ?? null).toBeNull();
    expect(viaGateway.body.errors![0]!.extensions.code).toBe('NOT_FOUND');

    const list = await sendGraphQL(platform.gatewayUrl, HUNDRED_CASES, {}, orgB);
    expect(list.body.data!.cases.nodes.map((n) => n.id)).not.toContain(id);

    // Straight to the subgraph, past the gateway: its federation fields are no part of the API clients see.
    const entities = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Case { id reference parties { name } } } }`;
    const reps = { reps: [{ __typename: 'Case', id }] };
    const direct = await sendOffContractGraphQL(platform.casesUrl, entities, reps, orgB);
    expect(direct.body.data!._entities).toEqual([null]);
    const allowed = await sendOffContractGraphQL(platform.casesUrl, entities, reps, orgA);
    expect(allowed.body.data!._entities[0].id).toBe(id);
    const anonymous = await sendOffContractGraphQL(platform.casesUrl, entities, reps);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.data).toBeUndefined();
    const sdl = await sendOffContractGraphQL(platform.casesUrl, '{ _service { sdl } }', {});
    expect(sdl.status).toBe(401);

    const rest = await partnerApi(platform.gatewayUrl).GET('/api/v1/cases/{idOrReference}', {
      ...as(orgB),
      params: { path: { idOrReference: reference } },
    });
    expect(rest.response.status).toBe(404);
    expect(JSON.stringify(rest.error)).not.toContain('Alex');
  });

  it('answers invalid GraphQL input with BAD_USER_INPUT and field errors, and changes nothing', async () => {
    const count = async () =>
      (await sendGraphQL(platform.gatewayUrl, HUNDRED_CASES, {}, caseworker)).body.data!.cases.nodes.length;
    const before = await count();

    const missing = await sendGraphQL(
      platform.gatewayUrl,
      CREATE,
      invalidVariables({ input: { caseType: 'civil-money-claim' } }),
      caseworker,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(missing.body.errors![0]!.message).toContain('parties');

    const unknown = await sendGraphQL(
      platform.gatewayUrl,
      CREATE,
      invalidVariables({ input: { ...claim(), priority: 'high' } }),
      caseworker,
    );
    expect(unknown.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors![0]!.message).toContain('priority');

    const invalid = await sendGraphQL(
      platform.gatewayUrl,
      CREATE,
      { input: { ...claim(), parties: [{ role: 'claimant', kind: 'person', name: '', email: 'nope' }] } },
      caseworker,
    );
    expect(invalid.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(invalid.body.errors![0]!.extensions.fieldErrors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['parties.0.name', 'parties.0.email']),
    );

    const malformed = await sendGraphQL(platform.gatewayUrl, BY_REFERENCE, { r: '1234-5678' }, caseworker);
    expect(malformed.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [expect.objectContaining({ field: 'reference' })],
    });

    const badId = await sendGraphQL(platform.gatewayUrl, READ, { id: 'not-a-uuid' }, caseworker);
    expect(badId.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');

    const huge = await sendGraphQL(
      platform.gatewayUrl,
      CREATE,
      invalidVariables({ input: claim(), padding: 'x'.repeat(10 * 1024 * 1024) }),
      caseworker,
    );
    expect(huge.status).toBe(413);
    expect(huge.body.errors![0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');

    expect(await count()).toBe(before);
  });

  it('refuses GraphQL without a token, and operations that nest too deep', async () => {
    const anonymous = await sendGraphQL(platform.gatewayUrl, READ, { id: '00000000-0000-4000-8000-000000000000' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');

    expect((await sendGraphQL(platform.gatewayUrl, DEEP, {}, caseworker)).body.errors).toBeUndefined();
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: cases { pageInfo { hasNextPage } }`).join(' ')} }`;
    const tooMany = await sendUntypedGraphQL(platform.gatewayUrl, aliases, {}, caseworker);
    expect(tooMany.body.errors![0]!.message).toContain('Aliases limit of 30');
  });

  it('times GraphQL operations and HTTP routes in its Prometheus metrics', async () => {
    await sendGraphQL(platform.gatewayUrl, ONE_CASE, {}, caseworker);
    const metrics = await (await fetch(`${platform.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /^ccsc_graphql_operation_duration_seconds_count\{(?=.*operation="query cases")(?=.*outcome="ok")(?=.*service="gateway").*\} [1-9]/m,
    );
    expect(metrics).toMatch(
      /^ccsc_http_request_duration_seconds_count\{(?=.*route="\/graphql")(?=.*status="200")(?=.*service="gateway").*\} [1-9]/m,
    );
  });

  it('serves the merged OpenAPI document and health', async () => {
    const docs = (await (await fetch(`${platform.gatewayUrl}/api/docs`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{idOrReference}', '/api/v1/cases/{id}/events']),
    );
    expect((await fetch(`${platform.gatewayUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${platform.gatewayUrl}/health/ready`);
    const every = Object.fromEntries(Object.keys(platform.services).map((name) => [name, { ok: true }]));
    expect(Object.keys(every)).toEqual(
      expect.arrayContaining(['cases', 'payments', 'queries', 'complaints', 'enforcement']),
    );
    expect(await ready.json()).toEqual({ status: 'ok', checks: every });
  });
});

describe('the gateway in production mode', () => {
  let platform: RunningPlatform;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;

  beforeAll(async () => {
    jwks = await serveJwks();
    platform = await startTestPlatform({
      gateway: { NODE_ENV: 'production', AUTH_JWKS_URL: jwks.url, GRAPHQL_MAX_DEPTH: '3' },
    });
  });
  afterAll(async () => {
    await platform.stop();
    jwks.server.close();
  });

  it("verifies tokens against the identity provider's JWKS, hides the schema and limits depth", async () => {
    const caseworker = await bearer('caseworker');
    const ok = await sendGraphQL(platform.gatewayUrl, CASE_IDS, {}, caseworker);
    expect(ok.body.errors).toBeUndefined();

    const introspection = await sendGraphQL(platform.gatewayUrl, INTROSPECTION, {}, caseworker);
    expect(introspection.body.errors![0]!.message).toMatch(/introspection/i);

    const deep = await sendGraphQL(platform.gatewayUrl, PARTY_NAMES, {}, caseworker);
    expect(deep.body.errors![0]!.message).toContain('depth limit of 3');
    expect(JSON.stringify(deep.body)).not.toContain('stacktrace');
  });
});
