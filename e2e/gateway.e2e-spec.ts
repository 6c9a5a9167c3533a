import { bearer } from '@ccsc/testing';
import { RunningPlatform, serveJwks, startTestPlatform } from './platform';
import { graphql, GraphQLResponse } from './graphql-client';

const CREATE = `mutation Create($input: CreateCaseInput!) {
  createCase(input: $input) { id reference state caseType parties { name role representedBy } }
}`;
const READ = `query Read($id: ID!) { case(id: $id) { id reference state parties { name } readiness(event: "submit") { ready } } }`;

const claim = (org = 'org-a') => ({
  caseType: 'civil-money-claim',
  parties: [
    { role: 'claimant', kind: 'person', name: 'Alex Claimant', representedBy: org },
    { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
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
    const created = await graphql(platform.gatewayUrl, CREATE, { input: claim() }, caseworker);
    expect(created.body.errors).toBeUndefined();
    const c = created.body.data!.createCase;
    expect(c).toMatchObject({ state: 'Draft', caseType: 'civil-money-claim' });

    const read = await graphql(platform.gatewayUrl, READ, { id: c.id }, caseworker);
    expect(read.body.data!.case).toEqual({
      id: c.id,
      reference: c.reference,
      state: 'Draft',
      parties: [{ name: 'Alex Claimant' }, { name: 'Widgets Ltd' }],
      readiness: { ready: true },
    });

    const byRef = await graphql(
      platform.gatewayUrl,
      'query($r: String!) { caseByReference(reference: $r) { id } }',
      { r: c.reference.replace(/-/g, '') },
      caseworker,
    );
    expect(byRef.body.data!.caseByReference.id).toBe(c.id);
  });

  it('pages through cases with a cursor connection', async () => {
    for (let i = 0; i < 3; i++) await graphql(platform.gatewayUrl, CREATE, { input: claim() }, caseworker);
    const query =
      'query($after: String) { cases(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const first = await graphql(platform.gatewayUrl, query, {}, caseworker);
    expect(first.body.data!.cases.nodes).toHaveLength(2);
    expect(first.body.data!.cases.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(
      platform.gatewayUrl,
      query,
      { after: first.body.data!.cases.pageInfo.endCursor },
      caseworker,
    );
    const ids = [...first.body.data!.cases.nodes, ...second.body.data!.cases.nodes].map((n: { id: string }) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('runs a GraphQL mutation retried with the same Idempotency-Key once, and answers the retry with the first result', async () => {
    const keyed = async (body: object, headers: Record<string, string> = {}) => {
      const res = await fetch(`${platform.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: caseworker, ...headers },
        body: JSON.stringify(body),
      });
      return (await res.json()) as GraphQLResponse['body'];
    };
    const marker = `Idempotent ${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')
      .slice(0, 8)}`;
    const input = { ...claim(), parties: [{ ...claim().parties[0], name: marker }, claim().parties[1]] };
    const key = { 'idempotency-key': `create-${marker}` };
    // createdAt: a replayed instant is still a DateTime, not null.
    const create = CREATE.replace('caseType', 'caseType createdAt');
    const first = await keyed({ query: create, variables: { input } }, key);
    expect(first.data?.createCase.createdAt).toEqual(expect.any(String));
    expect(first.errors).toBeUndefined();
    const again = await keyed({ query: create, variables: { input } }, key);
    expect(again).toEqual(first);
    // The same key from the request's extensions, as a client without per-operation headers sends it.
    const viaExtension = await keyed({
      query: create,
      variables: { input },
      extensions: { idempotencyKey: key['idempotency-key'] },
    });
    expect(viaExtension).toEqual(first);
    const found = await graphql(
      platform.gatewayUrl,
      'query($c: CaseSearchInput!) { searchCases(criteria: $c, first: 10) { nodes { id } } }',
      { c: { partyName: marker } },
      caseworker,
    );
    expect(found.body.data?.searchCases.nodes ?? found.body.errors).toEqual([{ id: first.data!.createCase.id }]);

    // The key names one request: other arguments, two mutation fields, or a key that is no string are refused.
    const other = await keyed({ query: CREATE, variables: { input: claim() } }, key);
    expect(other.errors?.[0].extensions.code).toBe('CONFLICT');
    const two = await keyed(
      {
        query: `mutation($input: CreateCaseInput!) { a: createCase(input: $input) { id } b: createCase(input: $input) { id } }`,
        variables: { input },
      },
      { 'idempotency-key': `two-${marker}` },
    );
    expect(two.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const numeric = await keyed({ query: CREATE, variables: { input }, extensions: { idempotencyKey: 42 } });
    expect(numeric.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('routes partner REST to the cases service with the same authentication', async () => {
    const created = await fetch(`${platform.gatewayUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: orgA },
      body: JSON.stringify(claim()),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBeTruthy();
    const body = (await created.json()) as { id: string; reference: string };
    const read = await fetch(`${platform.gatewayUrl}/api/v1/cases/${body.reference}`, {
      headers: { authorization: orgA },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { id: string }).id).toBe(body.id);

    const anonymous = await fetch(`${platform.gatewayUrl}/api/v1/cases`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const unknown = await fetch(`${platform.gatewayUrl}/api/v1/nothing-here`, { headers: { authorization: orgA } });
    expect(unknown.status).toBe(404);
  });

  it('never shows organisation B a case represented by organisation A, whichever way it asks', async () => {
    const created = await graphql(platform.gatewayUrl, CREATE, { input: claim('org-a') }, orgA);
    const { id, reference } = created.body.data!.createCase;

    const viaGateway = await graphql(platform.gatewayUrl, READ, { id }, orgB);
    expect(viaGateway.body.data?.case ?? null).toBeNull();
    expect(viaGateway.body.errors![0]!.extensions.code).toBe('NOT_FOUND');

    const list = await graphql(platform.gatewayUrl, '{ cases(first: 100) { nodes { id } } }', {}, orgB);
    expect(list.body.data!.cases.nodes.map((n: { id: string }) => n.id)).not.toContain(id);

    const entities = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Case { id reference parties { name } } } }`;
    const reps = { reps: [{ __typename: 'Case', id }] };
    const direct = await graphql(platform.casesUrl, entities, reps, orgB);
    expect(direct.body.data!._entities).toEqual([null]);
    const allowed = await graphql(platform.casesUrl, entities, reps, orgA);
    expect(allowed.body.data!._entities[0].id).toBe(id);
    const anonymous = await graphql(platform.casesUrl, entities, reps);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.data).toBeUndefined();
    const sdl = await graphql(platform.casesUrl, '{ _service { sdl } }', {});
    expect(sdl.status).toBe(401);

    const rest = await fetch(`${platform.gatewayUrl}/api/v1/cases/${reference}`, { headers: { authorization: orgB } });
    expect(rest.status).toBe(404);
    expect(JSON.stringify(await rest.json())).not.toContain('Alex');
  });

  it('answers invalid GraphQL input with BAD_USER_INPUT and field errors, and changes nothing', async () => {
    const count = async () =>
      (await graphql(platform.gatewayUrl, '{ cases(first: 100) { nodes { id } } }', {}, caseworker)).body.data!.cases
        .nodes.length;
    const before = await count();

    const missing = await graphql(
      platform.gatewayUrl,
      CREATE,
      { input: { caseType: 'civil-money-claim' } },
      caseworker,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(missing.body.errors![0]!.message).toContain('parties');

    const unknown = await graphql(platform.gatewayUrl, CREATE, { input: { ...claim(), priority: 'high' } }, caseworker);
    expect(unknown.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors![0]!.message).toContain('priority');

    const invalid = await graphql(
      platform.gatewayUrl,
      CREATE,
      { input: { ...claim(), parties: [{ role: 'claimant', kind: 'person', name: '', email: 'nope' }] } },
      caseworker,
    );
    expect(invalid.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(invalid.body.errors![0]!.extensions.fieldErrors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['parties.0.name', 'parties.0.email']),
    );

    const malformed = await graphql(
      platform.gatewayUrl,
      'query($r: String!) { caseByReference(reference: $r) { id } }',
      { r: '1234-5678' },
      caseworker,
    );
    expect(malformed.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [expect.objectContaining({ field: 'reference' })],
    });

    const badId = await graphql(platform.gatewayUrl, READ, { id: 'not-a-uuid' }, caseworker);
    expect(badId.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');

    const huge = await fetch(`${platform.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: caseworker },
      body: JSON.stringify({ query: CREATE, variables: { input: claim(), padding: 'x'.repeat(10 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );

    expect(await count()).toBe(before);
  });

  it('refuses GraphQL without a token, and operations that nest too deep', async () => {
    const anonymous = await graphql(platform.gatewayUrl, READ, { id: '00000000-0000-4000-8000-000000000000' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');

    const deep = `{ cases { nodes { parties { name } } ${'pageInfo { hasNextPage } '.repeat(1)} } }`;
    expect((await graphql(platform.gatewayUrl, deep, {}, caseworker)).body.errors).toBeUndefined();
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: cases { pageInfo { hasNextPage } }`).join(' ')} }`;
    const tooMany = await graphql(platform.gatewayUrl, aliases, {}, caseworker);
    expect(tooMany.body.errors![0]!.message).toContain('Aliases limit of 30');
  });

  it('times GraphQL operations and HTTP routes in its Prometheus metrics', async () => {
    await graphql(platform.gatewayUrl, '{ cases(first: 1) { nodes { id } } }', {}, caseworker);
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
    const ok = await graphql(platform.gatewayUrl, '{ cases { nodes { id } } }', {}, caseworker);
    expect(ok.body.errors).toBeUndefined();

    const introspection = await graphql(platform.gatewayUrl, '{ __schema { types { name } } }', {}, caseworker);
    expect(introspection.body.errors![0]!.message).toMatch(/introspection/i);

    const deep = await graphql(platform.gatewayUrl, '{ cases { nodes { parties { name } } } }', {}, caseworker);
    expect(deep.body.errors![0]!.message).toContain('depth limit of 3');
    expect(JSON.stringify(deep.body)).not.toContain('stacktrace');
  });
});
