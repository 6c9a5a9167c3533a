import { isDeepStrictEqual } from 'node:util';
import { Kind, parse, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Loose } from '../graphql-client';
import { RunningPlatform, startTestPlatform } from '../platform';
import { AUTHORISATION_MATRIX } from './authorisation-matrix';
import { expectedOutcome, GraphQLCall, Outcome, RestCall, Row } from './matrix-support';
import { graphqlOperations, restRoutesOf } from './discovery';
import { IDENTITIES, mintTokens, Persona, PERSONAS } from './personas';
import { Api, Fixtures, Scenario, seedScenario } from './scenario';

/** The table's route or operation, without the `[variant]` that tells rows of one route apart. */
const baseKey = (key: string) => key.replace(/\s*\[.*\]$/, '');
const isRest = (key: string) => /^[A-Z]+ \//.test(key);
const isWrite = (r: Row) => !r.readOnly && (isRest(r.key) ? !r.key.startsWith('GET ') : r.key.startsWith('Mutation.'));

/** Reads first: they see the scenario as seeded, before any write adds to it. */
const ROWS = [...AUTHORISATION_MATRIX.filter((r) => !isWrite(r)), ...AUTHORISATION_MATRIX.filter(isWrite)];

interface Answer {
  status: number;
  /** GraphQL error codes (INCOMPLETE: the gateway nulled a non-null field); none for REST, whose status says it. */
  codes: string[];
  detail: string;
  payload: unknown;
}

const DENIED_CODES = ['FORBIDDEN', 'NOT_FOUND'];

/** Runs `work` over `items`, at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

function describeAnswer(a: Answer): string {
  return `${a.status}${a.codes.length ? ` ${a.codes.join(',')}` : ''}${a.detail ? ` "${a.detail.slice(0, 160)}"` : ''}`;
}

/** The route a REST row's path must be a case of, as a pattern (`:id` is one segment). */
function routePattern(key: string): RegExp {
  const path = baseKey(key).split(' ')[1]!;
  return new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
}

/** What a GraphQL row's document must ask for: the operation's field, or the Case field under `case`. */
function asksFor(key: string, query: string): boolean {
  const [type, field] = baseKey(key).split('.') as [string, string];
  const operation = parse(query).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fields = (set: SelectionSetNode | undefined) =>
    (set?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const top = fields(operation?.selectionSet);
  if (type === 'Case')
    return top.some((f) => f.name.value === 'case' && fields(f.selectionSet).some((c) => c.name.value === field));
  const kinds: Record<string, string> = { Query: 'query', Mutation: 'mutation', Subscription: 'subscription' };
  return operation?.operation === kinds[type] && top.some((f) => f.name.value === field);
}

describe('the authorisation matrix', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    // Every Help with Fees remission is picked for an evidence check, so the check has one to do.
    platform = await startTestPlatform({ env: { HWF_EVIDENCE_CHECK_PERCENT: '100' } });
  }, 60_000);
  afterAll(() => platform?.stop());

  it('has a row for every REST route and GraphQL operation and Case field, and no row for anything else', () => {
    const routes = Object.values(platform.services).flatMap((service) => restRoutesOf(service.app).map((r) => r.key));
    const served = new Set([...routes, ...graphqlOperations()]);
    const tabled = new Set(AUTHORISATION_MATRIX.map((r) => baseKey(r.key)));
    const keys = AUTHORISATION_MATRIX.map((r) => r.key);
    expect({
      withoutRow: [...served].filter((k) => !tabled.has(k)).sort(),
      rowsForNothing: [...tabled].filter((k) => !served.has(k)).sort(),
      repeated: keys.filter((k, i) => keys.indexOf(k) !== i),
    }).toEqual({ withoutRow: [], rowsForNothing: [], repeated: [] });
  });

  describe('called as every persona through the gateway', () => {
    let api: Api;
    let fixtures: Fixtures;
    let scenario: Scenario;

    beforeAll(async () => {
      api = new Api(platform.gatewayUrl, await mintTokens());
      fixtures = new Fixtures(api);
      scenario = await seedScenario(api);
    }, 120_000);

    it.each(ROWS.map((r) => [r.key, r] as const))('%s', async (_key, r) => {
      expect(await checkRow(api, fixtures, scenario, r)).toEqual([]);
    });
  });
});

/** Every persona's call of one row, checked against the table; the failures, one line each. */
async function checkRow(api: Api, fixtures: Fixtures, s: Scenario, r: Row): Promise<string[]> {
  const failures: string[] = [];
  const byOutcome = (o: Outcome) => PERSONAS.filter((p) => expectedOutcome(r, p) === o);
  const call = async (persona: Persona, fresh: Loose): Promise<Answer> => {
    const built = r.call({ s, fresh, as: { ...IDENTITIES[persona], persona } });
    if ('query' in built) return callGraphQL(api, r, persona, built);
    return callRest(api, r, persona, built);
  };

  // Allowed and filtered personas: each on a fresh resource of its own when the row changes something.
  await inBatches([...byOutcome('allow'), ...byOutcome('filtered')], r.serial ? 1 : 6, async (persona) => {
    const expected = expectedOutcome(r, persona);
    const fresh = r.fresh ? await r.fresh(fixtures, s, persona) : {};
    const answer = await call(persona, fresh);
    const problem = judge(r, expected, answer, s);
    if (problem) failures.push(`${persona}: expected ${expected}, got ${problem}`);
  });

  // Denied personas share one fresh resource, which must be exactly as it was after all of them.
  const denied = byOutcome('deny');
  if (denied.length) {
    if (isWrite(r) && !r.probe && !r.unprobed)
      failures.push('a write row needs a probe of what it would change, or `unprobed` saying why not');
    let fresh: Loose = r.fresh ? await r.fresh(fixtures, s) : {};
    let before = r.probe ? await r.probe(api, s, fresh) : undefined;
    const deny = async (persona: Persona) => {
      const answer = await call(persona, fresh);
      const problem = judge(r, 'deny', answer, s);
      if (!problem) return;
      failures.push(`${persona}: expected deny, got ${problem}`);
      // A wrongly allowed write changed the resource: the others start again on a fresh one.
      if (isWrite(r) && answer.status < 300 && !answer.codes.length) {
        fresh = r.fresh ? await r.fresh(fixtures, s) : {};
        before = r.probe ? await r.probe(api, s, fresh) : undefined;
      }
    };
    if (isWrite(r)) for (const persona of denied) await deny(persona);
    else await inBatches(denied, 6, deny);
    if (r.probe) {
      const after = await r.probe(api, s, fresh);
      if (!isDeepStrictEqual(before, after))
        failures.push(
          `a denied call changed something: before ${JSON.stringify(before).slice(0, 300)}, after ${JSON.stringify(after).slice(0, 300)}`,
        );
    }
  }
  return failures.sort();
}

async function callRest(api: Api, r: Row, persona: Persona, built: RestCall): Promise<Answer> {
  const [method] = baseKey(r.key).split(' ') as [string];
  const path = built.path.split('?')[0]!;
  if (!routePattern(r.key).test(path))
    throw new Error(`${r.key}: the row calls ${method} ${built.path}, not its own route`);
  const res = await api.rest(persona, method, built.path, built.body ?? (method === 'GET' ? undefined : {}));
  const body = res.body as { type?: string; detail?: string } | undefined;
  return {
    status: res.status,
    codes: [],
    detail: res.status >= 300 ? String(body?.detail ?? body?.type ?? '') : '',
    payload: res.body,
  };
}

async function callGraphQL(api: Api, r: Row, persona: Persona, built: GraphQLCall): Promise<Answer> {
  if (!asksFor(r.key, built.query)) throw new Error(`${r.key}: the row's document does not ask for ${baseKey(r.key)}`);
  const subscription = /^\s*subscription\b/.test(built.query);
  const res = await (subscription ? api.subscribe : api.gql).call(api, persona, built.query, built.variables ?? {});
  const errors = res.errors ?? [];
  const incomplete = res.extensions?.valueCompletion?.map((e) => e.message) ?? [];
  return {
    status: res.status,
    codes: [...errors.map((e) => String(e.extensions?.code ?? 'NO_CODE')), ...incomplete.map(() => 'INCOMPLETE')],
    detail: [...errors.map((e) => e.message), ...incomplete].join('; '),
    payload: res.data,
  };
}

/** What is wrong with an answer, or undefined when it is what the table expects. */
function judge(r: Row, expected: Outcome, a: Answer, s: Scenario): string | undefined {
  const graphql = !isRest(r.key);
  const succeeded = graphql ? a.codes.length === 0 && a.payload != null : a.status >= 200 && a.status < 300;
  const refusedAfterAuthorisation = graphql
    ? a.codes.length > 0 && a.codes.every((c) => c === 'CONFLICT')
    : a.status === 409 || a.status === 422;
  const denied = graphql
    ? a.codes.length > 0 && a.codes.every((c) => DENIED_CODES.includes(c))
    : [403, 404, ...(r.denyStatuses ?? [])].includes(a.status);
  const answer = a.payload as Loose;
  switch (expected) {
    case 'allow':
      if (refusedAfterAuthorisation) return undefined;
      if (!succeeded) return denied ? `denied: ${describeAnswer(a)}` : `a broken call: ${describeAnswer(a)}`;
      return (r.seesAll ?? r.sees)?.(answer, s) === false
        ? `${describeAnswer(a)} without (all of) what it should show`
        : undefined;
    case 'filtered':
      if (!succeeded) return `${denied ? 'denied' : 'a broken call'}: ${describeAnswer(a)}`;
      return r.sees?.(answer, s) === false ? undefined : `${describeAnswer(a)} showing what it must not`;
    case 'deny':
      if (denied) return undefined;
      return succeeded || refusedAfterAuthorisation
        ? `allowed: ${describeAnswer(a)}`
        : `a broken call: ${describeAnswer(a)}`;
  }
}
