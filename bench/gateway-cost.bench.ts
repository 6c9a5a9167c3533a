// What the federation gateway costs: the same operations sent straight to the subgraphs and
// through a gateway, on the real services, measured in one run (issue 20: the gateway's own CPU per
// request, over going direct, at most a third of Apollo Gateway's on the lookup and on the
// five-subgraph join; its p50 at 75% load no worse than 1.3x direct).
//
//   npm run bench -- gateway-cost
//   BENCH_GATEWAY_SECONDS=20 BENCH_GATEWAY_CONCURRENCY=32 npm run bench -- gateway-cost   longer, heavier
//   BENCH_GATEWAY_PROFILE=0 ...                                                             no CPU profile phase
//
// Every service and every gateway is a child process of its own (node tools/run.js …/main.ts, the
// services on Kafka from a local broker, each on a fresh migrated database), so the CPU time read
// from /proc/<pid>/stat is that process's alone; the load generator runs here. Targets:
//   direct      the client runs the query plan itself: case(id) on cases, then `_entities` on the
//               four other subgraphs in parallel (what a gateway does, without a gateway)
//   gateway     our gateway as deployed (gateway/src/main.ts: Hive Gateway runtime with the Rust query
//               planner of Hive Router, our plugins, Express, edge token check, pino-http, metrics)
//   apollo      Apollo Gateway 2 on @apollo/server 5 (bench/apollo-gateway.server.ts), configured as our
//               gateway had it before the switch, behind the same edge token check, without our Express stack
//   hive-rust   bare Hive Gateway runtime with the Rust planner (bench/hive-gateway.server.ts), behind
//               the same edge token check: the engine without our plugins, for reference
// Own cost of a gateway = its target's CPU ms per request (gateway plus the five services) minus
// direct's (the five services), per phase.
// Operations: a single-entity lookup (`case(id)`) and a join of a case with its service request and
// payments (payments), enquiries (queries), complaints (complaints) and fine accounts (enforcement).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '@ccsc/testing';
import { markdownTable, type BenchSection } from './report';
import {
  ALL_SERVICES,
  benchKafka,
  benchKeys,
  benchPostgres,
  closedLoop,
  envNumber,
  findProfiles,
  fmt,
  HttpClient,
  log,
  openLoop,
  percentile,
  monotonicUs,
  removeDir,
  ROOT,
  sortedCopy,
  startBenchPlatform,
  summariseCpuProfile,
  tempDir,
  throughput,
  type LoadResult,
  type Operation,
  type Platform,
  type ProfileWindow,
} from './harness';
import { guardChildren, NodeChild } from '../tools/platform/node-processes';

const BENCH = 'gateway-cost';
const SECONDS = envNumber('BENCH_GATEWAY_SECONDS', 5);
const WARMUP_SECONDS = envNumber('BENCH_GATEWAY_WARMUP_SECONDS', 2);
const CONCURRENCY = envNumber('BENCH_GATEWAY_CONCURRENCY', 16);
const PROFILE = process.env.BENCH_GATEWAY_PROFILE !== '0';
const CASES = envNumber('BENCH_GATEWAY_CASES', 24);
const LEVELS = [0.25, 0.5, 0.75] as const;

const LOOKUP = `query Lookup($id: ID!) { case(id: $id) { id reference caseType state createdAt } }`;
const SR = 'serviceRequest { status feesPence paidPence outstandingPence }';
const PAYMENTS = 'payments { id method status amountPence }';
const ENQUIRIES = 'enquiries { id status channel subject }';
const COMPLAINTS = 'complaints { id reference status category }';
const FINES = 'fineAccounts { id accountNumber status balancePence }';
const JOIN = `query Join($id: ID!) { case(id: $id) { id reference state ${SR} ${PAYMENTS} ${ENQUIRIES} ${COMPLAINTS} ${FINES} } }`;
/** The fetches a federation planner makes for JOIN, as the direct client makes them. */
const JOIN_ROOT = `query Join__cases($id: ID!) { case(id: $id) { __typename id reference state } }`;
const entities = (selection: string) =>
  `query Join__entities($r: [_Any!]!) { _entities(representations: $r) { ... on Case { ${selection} } } }`;
const JOIN_ENTITIES: { service: 'payments' | 'queries' | 'complaints' | 'enforcement'; query: string }[] = [
  { service: 'payments', query: entities(`${SR} ${PAYMENTS}`) },
  { service: 'queries', query: entities(ENQUIRIES) },
  { service: 'complaints', query: entities(COMPLAINTS) },
  { service: 'enforcement', query: entities(FINES) },
];

type TargetName = 'direct' | 'gateway' | 'apollo' | 'hive-rust';
type OpName = 'lookup' | 'join';

interface Target {
  name: TargetName;
  /** The processes that serve a request on this target, whose CPU time is charged to it. */
  servers: NodeChild[];
  /** The gateway process among them, if any. */
  gateway?: NodeChild;
  run(op: OpName, i: number): Promise<boolean>;
  result(op: OpName, i: number): Promise<unknown>;
}

interface Measured {
  target: TargetName;
  op: OpName;
  phase: string;
  rate?: number;
  load: LoadResult;
  cpuMsPerRequest: number;
  /** The gateway process's own CPU ms per request (no figure for direct). */
  gatewayCpuMsPerRequest?: number;
  loadgenCpuShare: number;
}

async function measured(
  target: Target,
  op: OpName,
  phase: string,
  load: () => Promise<LoadResult>,
  rate?: number,
): Promise<Measured> {
  const before = target.servers.map((s) => s.stats().cpuMs);
  const loadgenBefore = process.cpuUsage();
  const wall = performance.now();
  const result = await load();
  const wallMs = performance.now() - wall;
  const loadgen = process.cpuUsage(loadgenBefore);
  const used = target.servers.map((s, i) => s.stats().cpuMs - (before[i] ?? 0));
  const requests = Math.max(1, result.ok + result.failed);
  const gatewayIndex = target.gateway ? target.servers.indexOf(target.gateway) : -1;
  return {
    target: target.name,
    op,
    phase,
    rate,
    load: result,
    cpuMsPerRequest: used.reduce((sum, ms) => sum + ms, 0) / requests,
    gatewayCpuMsPerRequest: gatewayIndex >= 0 ? (used[gatewayIndex] ?? 0) / requests : undefined,
    loadgenCpuShare: (loadgen.user + loadgen.system) / 1000 / wallMs,
  };
}

interface Seeded {
  caseIds: string[];
  notes: string[];
}

type Tokens = Record<'solicitor' | 'caseworker' | 'finance' | 'leader' | 'judge' | 'complaints', string>;

/**
 * BENCH_GATEWAY_CASES cases through the gateway, with the events between services on Kafka:
 * even ones a civil money claim, submitted (the issue fee reaches payments) and paid by account;
 * odd ones a criminal prosecution resulted with a fine (enforcement opens a fine account); each
 * with two enquiries and a complaint. Requests rotate over them, so no two requests in flight are
 * the same one (Hive Gateway would otherwise share identical in-flight subgraph fetches).
 */
async function seed(http: HttpClient, gatewayUrl: string, tokens: Tokens, count: number): Promise<Seeded> {
  const notes = new Map<string, number>();
  const note = (text: string) => notes.set(text, (notes.get(text) ?? 0) + 1);
  const gql = async (query: string, variables: Record<string, unknown>, who: string) => {
    const res = await http.json<{ data?: Record<string, unknown>; errors?: { message: string }[] }>(
      'POST',
      `${gatewayUrl}/graphql`,
      who,
      { query, variables },
    );
    if (res.status !== 200 || res.body.errors)
      throw new Error(`${res.status} ${JSON.stringify(res.body.errors ?? res.body)}`);
    return res.body.data ?? {};
  };
  const retry = async <T>(what: string, fn: () => Promise<T>, ms = 60_000): Promise<T | undefined> => {
    const deadline = Date.now() + ms;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        return await fn();
      } catch (error) {
        last = error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    note(
      `${what} did not succeed within ${ms / 1000} s: ${last instanceof Error ? last.message : String(last)}`.slice(
        0,
        300,
      ),
    );
    return undefined;
  };
  const account = await http.json('POST', `${gatewayUrl}/api/v1/payments/accounts`, tokens.finance, {
    accountNumber: 'PBA0012345',
    organisationId: 'org-a',
    name: 'Alpha Law LLP',
    creditLimitPence: 100_000_000,
  });
  if (account.status !== 201) note(`opening the payment account answered ${account.status}`);
  // Its credit granted by a second person, as every higher limit is.
  const granted = await http.json(
    'POST',
    `${gatewayUrl}/api/v1/payments/accounts/PBA0012345/credit-limit/decision`,
    tokens.leader,
    { approve: true, creditLimitPence: 100_000_000 },
  );
  if (granted.status !== 200) note(`granting the payment account its credit answered ${granted.status}`);

  const civil = async (): Promise<string> => {
    const created = (await gql(
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
      tokens.solicitor,
    )) as { createCase: { id: string } };
    const caseId = created.createCase.id;
    await gql(
      'mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { state } }',
      { i: { caseId, event: 'submit' } },
      tokens.solicitor,
    );
    await retry('the payment by account', async () => {
      const paid = await http.json(
        'POST',
        `${gatewayUrl}/api/v1/payments/cases/${caseId}/payments-by-account`,
        tokens.solicitor,
        { accountNumber: 'PBA0012345' },
      );
      if (paid.status !== 201) throw new Error(`${paid.status} ${JSON.stringify(paid.body)}`);
    });
    return caseId;
  };
  const criminal = async (): Promise<string> => {
    const created = (await gql(
      'mutation($i: CreateCaseInput!) { createCase(input: $i) { id parties { id role } } }',
      {
        i: {
          caseType: 'criminal-prosecution',
          parties: [
            { role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service' },
            { role: 'defendant', kind: 'person', name: 'Jo Bloggs' },
          ],
        },
      },
      tokens.caseworker,
    )) as { createCase: { id: string; parties: { id: string; role: string }[] } };
    const caseId = created.createCase.id;
    const defendant = created.createCase.parties.find((p) => p.role === 'defendant')?.id;
    await gql(
      'mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { state } }',
      { i: { caseId, event: 'list' } },
      tokens.caseworker,
    );
    await gql(
      'mutation($i: RecordResultInput!) { recordCaseResult(input: $i) { id } }',
      {
        i: {
          caseId,
          defendantPartyId: defendant,
          outcome: 'Guilty plea: fined',
          impositions: [
            { kind: 'victim_surcharge', amountPence: 8_500, creditor: 'central-funds' },
            { kind: 'fine', amountPence: 40_000, creditor: 'central-funds' },
          ],
        },
      },
      tokens.judge,
    );
    return caseId;
  };
  const one = async (n: number): Promise<string> => {
    const caseId = n % 2 === 0 ? await civil() : await criminal();
    for (let e = 0; e < 2; e++) {
      await retry('an enquiry', () =>
        gql(
          'mutation($i: RaiseEnquiryInput!) { raiseEnquiry(input: $i) { id } }',
          {
            i: {
              channel: 'telephone',
              subject: `Bench enquiry ${e + 1}`,
              message: 'When is the hearing?',
              caseId,
              contact: { name: 'Caller' },
            },
          },
          tokens.caseworker,
        ),
      );
    }
    await retry('a complaint', () =>
      gql(
        'mutation($i: OpenComplaintInput!) { openComplaint(input: $i) { id } }',
        { i: { caseIds: [caseId], category: 'delay', complainantName: 'Alex Smith', summary: 'Slow to progress' } },
        tokens.complaints,
      ),
    );
    return caseId;
  };
  const caseIds: string[] = [];
  for (let n = 0; n < count; n += 4)
    caseIds.push(...(await Promise.all(Array.from({ length: Math.min(4, count - n) }, (_, k) => one(n + k)))));
  // Fine accounts and service requests arrive by events: wait until the last case of each kind shows them.
  for (const [index, field] of [
    [caseIds.length - 1, 'fineAccounts { id }'],
    [caseIds.length - (caseIds.length % 2 === 0 ? 2 : 1), 'serviceRequest { id }'],
  ] as const) {
    const caseId = caseIds[index];
    if (!caseId) continue;
    await retry(`the events of case ${index} reaching the other services`, async () => {
      const data = (await gql(`query($id: ID!) { case(id: $id) { ${field} } }`, { id: caseId }, tokens.caseworker)) as {
        case: Record<string, unknown>;
      };
      const value = Object.values(data.case)[0];
      if (!value || (Array.isArray(value) && value.length === 0)) throw new Error('not yet');
    });
  }
  return { caseIds, notes: [...notes].map(([text, times]) => (times > 1 ? `${text} (${times} times)` : text)) };
}

/** The first few unexpected answers, to say what the failed requests were. */
const failures: string[] = [];

function ok(res: { status: number; body: string }): boolean {
  const good = res.status === 200 && !res.body.includes('"errors"');
  if (!good && failures.length < 3) failures.push(`${res.status} ${res.body.slice(0, 200)}`);
  return good;
}

function directTarget(
  http: HttpClient,
  platform: Platform,
  caseIds: readonly string[],
  token: string,
  perFetch?: Map<string, number[]>,
): Target {
  const idOf = (i: number) => caseIds[i % caseIds.length] ?? '';
  const url = (service: string) => `${platform.services[service as 'cases']?.url ?? ''}/graphql`;
  const headers = { authorization: token, 'content-type': 'application/json' };
  const post = (service: string, query: string, variables: unknown) =>
    http.send('POST', url(service), headers, JSON.stringify({ query, variables }));
  const timed = async (label: string, work: () => Promise<{ status: number; body: string }>) => {
    const t0 = performance.now();
    const res = await work();
    perFetch?.get(label)?.push(performance.now() - t0);
    return res;
  };
  const join = async (i: number) => {
    const root = await timed('cases: case(id)', () => post('cases', JOIN_ROOT, { id: idOf(i) }));
    if (!ok(root)) return { good: false, parts: [root.body] };
    const found = (JSON.parse(root.body) as { data: { case: { __typename: string; id: string } } }).data.case;
    const representations = [{ __typename: found.__typename, id: found.id }];
    const fanOut0 = performance.now();
    const parts = await Promise.all(
      JOIN_ENTITIES.map((e) =>
        timed(`${e.service}: _entities`, () => post(e.service, e.query, { r: representations })),
      ),
    );
    perFetch?.get('fan-out (4 in parallel)')?.push(performance.now() - fanOut0);
    return { good: parts.every(ok), parts: [root.body, ...parts.map((p) => p.body)] };
  };
  return {
    name: 'direct',
    servers: ALL_SERVICES.map((s) => platform.services[s]).filter((s): s is NodeChild => Boolean(s)),
    run: async (op, i) => (op === 'lookup' ? ok(await post('cases', LOOKUP, { id: idOf(i) })) : (await join(i)).good),
    result: async (op, i) => {
      if (op === 'lookup')
        return (JSON.parse((await post('cases', LOOKUP, { id: idOf(i) })).body) as { data: unknown }).data;
      const { parts } = await join(i);
      const [root, ...rest] = parts.map((p) => JSON.parse(p) as { data: Record<string, unknown> });
      const merged: Record<string, unknown> = { ...(root?.data.case as object) };
      delete merged.__typename;
      for (const part of rest) Object.assign(merged, (part.data._entities as object[])[0]);
      return { case: merged };
    },
  };
}

function gatewayTarget(
  name: TargetName,
  http: HttpClient,
  gateway: NodeChild,
  services: NodeChild[],
  caseIds: readonly string[],
  token: string,
): Target {
  const headers = { authorization: token, 'content-type': 'application/json' };
  const bodies = {
    lookup: caseIds.map((id) => JSON.stringify({ query: LOOKUP, variables: { id } })),
    join: caseIds.map((id) => JSON.stringify({ query: JOIN, variables: { id } })),
  };
  const body = (op: OpName, i: number) => bodies[op][i % caseIds.length] ?? '';
  return {
    name,
    servers: [gateway, ...services],
    gateway,
    run: async (op, i) => ok(await http.send('POST', `${gateway.url}/graphql`, headers, body(op, i))),
    result: async (op, i) =>
      (JSON.parse((await http.send('POST', `${gateway.url}/graphql`, headers, body(op, i))).body) as { data: unknown })
        .data,
  };
}

/** Same data in the same order, whoever answers: otherwise the comparison measures different work. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

type ExtraGateway = 'apollo' | 'hive-rust';

/** A gateway of the bench's own (Apollo Gateway, or bare Hive Gateway with the Rust planner) over this run's services. */
async function startExtraGateway(
  kind: ExtraGateway,
  supergraphFile: string,
  keysDir: string,
  logDir: string,
  cpuProfDir?: string,
  suffix = '',
): Promise<NodeChild> {
  const port = await freePort();
  const common = { PORT: String(port), AUTH_LOCAL_KEYS_DIR: keysDir };
  return kind === 'apollo'
    ? NodeChild.start(
        `apollo${suffix}`,
        join(ROOT, 'bench', 'apollo-gateway.server.ts'),
        // As our gateway runs in the bench (NODE_ENV=test): the same limits, introspection allowed.
        { ...common, APOLLO_SUPERGRAPH: supergraphFile, NODE_ENV: 'test' },
        port,
        { readyPath: '/healthcheck', logDir, cpuProfDir },
      )
    : NodeChild.start(
        `hive-rust${suffix}`,
        join(ROOT, 'bench', 'hive-gateway.server.ts'),
        { ...common, HIVE_SUPERGRAPH: supergraphFile, HIVE_PLANNER: 'rust', NODE_ENV: 'production' },
        port,
        { readyPath: '/healthcheck', logDir, cpuProfDir },
      );
}

/** The supergraph with the subgraph URLs of this run's services (Apollo Gateway and bare Hive read them from it). */
function supergraphFor(platform: Platform, dir: string): string {
  let sdl = readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
  sdl = sdl.replace(
    /@join__graph\(name: "([a-z-]+)", url: "[^"]*"\)/g,
    (_m, name: string) =>
      `@join__graph(name: "${name}", url: "${platform.services[name as 'cases']?.url ?? 'http://127.0.0.1:9'}/graphql")`,
  );
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'supergraph.graphql');
  writeFileSync(file, sdl);
  return file;
}

/** Our gateway's measured capacity for an operation (requests/s at CONCURRENCY clients), the base of the open-model rates. */
function gatewayCapacity(results: readonly Measured[], op: OpName): number {
  const found = results.find((r) => r.target === 'gateway' && r.op === op && r.phase === 'capacity');
  return found ? throughput(found.load) : 0;
}

export async function run(): Promise<BenchSection> {
  const pg = await benchPostgres();
  const keys = await benchKeys();
  const kafka = await benchKafka();
  const logDir = tempDir('ccsc-bench-gateway-');
  const http = new HttpClient(Math.max(64, CONCURRENCY * 5));
  const extra: NodeChild[] = [];
  const unguard = guardChildren(() => extra);
  let platform: Platform | undefined;
  try {
    platform = await startBenchPlatform({
      bench: BENCH,
      postgresUrl: pg.url,
      keysDir: keys.dir,
      services: ALL_SERVICES,
      kafkaBrokers: kafka.brokers,
      gateway: true,
      logDir,
    });
    const ours = platform.gateway;
    if (!ours) throw new Error('no gateway');
    const services = ALL_SERVICES.map((s) => platform?.services[s]).filter((s): s is NodeChild => Boolean(s));
    const supergraphFile = supergraphFor(platform, logDir);
    const startProblems: string[] = [];
    const others: Partial<Record<ExtraGateway, NodeChild>> = {};
    for (const kind of ['apollo', 'hive-rust'] as const) {
      try {
        log(BENCH, `starting ${kind === 'apollo' ? 'Apollo Gateway' : 'bare Hive Gateway (Rust planner)'}`);
        const child = await startExtraGateway(kind, supergraphFile, keys.dir, logDir);
        extra.push(child);
        others[kind] = child;
      } catch (error) {
        startProblems.push(
          `${kind} did not start: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1500),
        );
      }
    }

    const tokens: Tokens = {
      solicitor: await keys.token('professional', { org: 'org-a', sub: 'solicitor-sam' }),
      caseworker: await keys.token('caseworker', { sub: 'caseworker-cal' }),
      finance: await keys.token('finance-officer', { sub: 'finance-fay' }),
      leader: await keys.token('team-leader', { sub: 'leader-lou' }),
      judge: await keys.token('judiciary', { sub: 'judge-jay' }),
      complaints: await keys.token('complaints-officer', { sub: 'complaints-cat' }),
    };
    log(
      BENCH,
      `seeding ${CASES} cases with payments or fines, enquiries and complaints (through the gateway, events over Kafka)`,
    );
    const seeded = await seed(http, ours.url, tokens, CASES);
    const ids = seeded.caseIds;
    const perFetch = new Map<string, number[]>(
      ['cases: case(id)', ...JOIN_ENTITIES.map((e) => `${e.service}: _entities`), 'fan-out (4 in parallel)'].map(
        (k) => [k, []],
      ),
    );
    const direct = directTarget(http, platform, ids, tokens.caseworker);
    const targets: Target[] = [
      direct,
      gatewayTarget('gateway', http, ours, services, ids, tokens.caseworker),
      ...(others.apollo ? [gatewayTarget('apollo', http, others.apollo, services, ids, tokens.caseworker)] : []),
      ...(others['hive-rust']
        ? [gatewayTarget('hive-rust', http, others['hive-rust'], services, ids, tokens.caseworker)]
        : []),
    ];

    // Every target must answer every operation for every case with the same data before anything is timed.
    const mismatches: string[] = [];
    const tally = { serviceRequests: 0, payments: 0, enquiries: 0, complaints: 0, fineAccounts: 0 };
    for (const op of ['lookup', 'join'] as const) {
      for (let i = 0; i < ids.length; i++) {
        let reference: string | undefined;
        for (const target of [...targets]) {
          let answer: string;
          try {
            answer = canonical(await target.result(op, i));
          } catch (error) {
            answer = `error: ${error instanceof Error ? error.message : String(error)}`;
          }
          if (reference === undefined) {
            reference = answer;
            if (op === 'join') {
              const found = (JSON.parse(answer) as { case?: Record<string, unknown[] | null> }).case ?? {};
              tally.serviceRequests += found.serviceRequest ? 1 : 0;
              for (const key of ['payments', 'enquiries', 'complaints', 'fineAccounts'] as const)
                tally[key] += found[key]?.length ?? 0;
            }
          } else if (reference !== answer) {
            mismatches.push(
              `${target.name} answers ${op} of case ${i} differently from direct: ${answer.slice(0, 300)} (direct: ${reference.slice(0, 300)})`,
            );
            targets.splice(targets.indexOf(target), 1);
          }
        }
      }
    }
    const counts = `over the ${ids.length} cases: ${tally.serviceRequests} service requests, ${tally.payments} payments, ${tally.enquiries} enquiries, ${tally.complaints} complaints, ${tally.fineAccounts} fine accounts`;

    const results: Measured[] = [];
    for (const op of ['lookup', 'join'] as const) {
      for (const target of targets) {
        log(BENCH, `${op} via ${target.name}: warm-up, one client, capacity (${CONCURRENCY} clients)`);
        await closedLoop((i) => target.run(op, i), 4, WARMUP_SECONDS);
        results.push(await measured(target, op, 'one client', () => closedLoop((i) => target.run(op, i), 1, SECONDS)));
        results.push(
          await measured(target, op, 'capacity', () => closedLoop((i) => target.run(op, i), CONCURRENCY, SECONDS)),
        );
      }
      const capacity = gatewayCapacity(results, op);
      for (const level of LEVELS) {
        const rate = Math.max(1, Math.round(capacity * level));
        for (const target of targets) {
          log(BENCH, `${op} via ${target.name}: open model at ${rate}/s (${level * 100}% of our gateway's capacity)`);
          const operation: Operation = (i) => target.run(op, i);
          results.push(await measured(target, op, `${level * 100}%`, () => openLoop(operation, rate, SECONDS), rate));
        }
      }
    }
    // Stage timings of the join at one client, as the direct client sees each fetch.
    const staged = directTarget(http, platform, ids, tokens.caseworker, perFetch);
    await closedLoop((i) => staged.run('join', i), 1, Math.min(SECONDS, 3));

    let profiles = '';
    if (PROFILE) {
      profiles = await profilePhase(
        platform,
        keys.dir,
        ids,
        tokens.caseworker,
        http,
        logDir,
        results,
        Boolean(others.apollo),
        extra,
      );
    }
    return {
      title: 'Gateway cost: straight to the subgraphs vs through a federation gateway',
      markdown: render(
        results,
        targets,
        perFetch,
        seeded,
        counts,
        mismatches,
        startProblems,
        profiles,
        pg.source,
        kafka.source,
      ),
    };
  } finally {
    http.close();
    await Promise.all(extra.map((c) => c.stop()));
    unguard();
    await platform?.stop();
    await kafka.stop();
    keys.remove();
    await pg.stop();
    removeDir(logDir);
  }
}

/**
 * A second set of processes under `node --cpu-prof` (the same code over the same databases, on the
 * in-process bus as they only read), loaded with the join at half our gateway's capacity, first
 * through our gateway, then through Apollo Gateway; profiles are written when they exit. Kept apart
 * from the measured processes so that the profiler's own cost is in none of the figures above.
 */
async function profilePhase(
  platform: Platform,
  keysDir: string,
  caseIds: readonly string[],
  token: string,
  http: HttpClient,
  logDir: string,
  results: Measured[],
  withApollo: boolean,
  extra: NodeChild[],
): Promise<string> {
  const dir = tempDir('ccsc-bench-cpuprof-');
  const rate = Math.max(1, Math.round(gatewayCapacity(results, 'join') / 2));
  const seconds = Math.max(SECONDS, 5);
  let profiled: Platform | undefined;
  let apollo: NodeChild | undefined;
  const notes: string[] = [];
  const windows: ProfileWindow[] = [];
  try {
    profiled = await startBenchPlatform({
      bench: BENCH,
      postgresUrl: '',
      keysDir,
      services: ALL_SERVICES,
      databases: platform.databases,
      gateway: true,
      cpuProfDir: dir,
      suffix: '.profiled',
      logDir,
    });
    const gateway = profiled.gateway;
    if (!gateway) throw new Error('no profiled gateway');
    const services = ALL_SERVICES.map((s) => profiled?.services[s]).filter((s): s is NodeChild => Boolean(s));
    const target = gatewayTarget('gateway', http, gateway, services, caseIds, token);
    log(BENCH, `profiling: join via our gateway at ${rate}/s for ${seconds}s under --cpu-prof`);
    await closedLoop((i) => target.run('join', i), 2, WARMUP_SECONDS);
    let from = monotonicUs();
    await openLoop((i) => target.run('join', i), rate, seconds);
    windows.push({ fromUs: from, toUs: monotonicUs() });
    if (withApollo) {
      apollo = await startExtraGateway(
        'apollo',
        supergraphFor(profiled, logDir + '/profiled'),
        keysDir,
        logDir,
        dir,
        '.profiled',
      );
      extra.push(apollo);
      const apolloTarget = gatewayTarget('apollo', http, apollo, services, caseIds, token);
      log(BENCH, `profiling: join via Apollo Gateway at ${rate}/s for ${seconds}s`);
      await closedLoop((i) => apolloTarget.run('join', i), 2, WARMUP_SECONDS);
      from = monotonicUs();
      await openLoop((i) => apolloTarget.run('join', i), rate, seconds);
      windows.push({ fromUs: from, toUs: monotonicUs() });
    }
  } catch (error) {
    notes.push(`The profile phase failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 800));
  } finally {
    await apollo?.stop();
    await profiled?.stop();
  }
  const files = findProfiles(dir).sort();
  try {
    return summariseProfiles(files, dir, rate, seconds, withApollo, windows, notes);
  } finally {
    removeDir(dir);
  }
}

function summariseProfiles(
  files: string[],
  dir: string,
  rate: number,
  seconds: number,
  withApollo: boolean,
  windows: ProfileWindow[],
  notes: string[],
): string {
  const out: string[] = [
    `CPU profiles (\`node --cpu-prof\`, V8's sampling profiler) of a second set of the same processes over the same databases, ` +
      `loaded with the join at ${rate}/s (half our gateway's measured capacity) for ${seconds} s through our gateway` +
      (withApollo
        ? `, then for ${seconds} s through Apollo Gateway; each gateway's profile covers its own window, the services' both`
        : '') +
      `. Only the samples taken during those load windows count (start-up and warm-up are left out). Self time: time in the function itself, not in what it calls; shares are of the busy (non-idle) samples.`,
  ];
  for (const file of files) {
    const label = file.slice(dir.length + 1).replace('.cpuprofile', '');
    // Each gateway served one of the two windows; the services served both.
    const own = label.startsWith('gateway')
      ? windows.slice(0, 1)
      : label.startsWith('apollo')
        ? windows.slice(1, 2)
        : windows;
    const summary = summariseCpuProfile(file, 6, own);
    out.push(
      `**${label}**: ${fmt(summary.totalMs)} ms ${summary.windowed ? 'under load' : 'profiled (whole life: no sample matched the load windows)'}, ${fmt(summary.idleShare * 100)}% idle, GC ${fmt(summary.gcShare * 100, 1)}% of busy time; ` +
        `by package: ${summary.byPackage.map((p) => `${p.name} ${fmt(p.share * 100)}%`).join(', ')}`,
    );
    out.push(
      markdownTable(
        ['function', 'where', 'self ms', 'share of busy'],
        summary.top.map((f) => [`\`${f.name}\``, `\`${f.where}\``, fmt(f.selfMs), `${fmt(f.share * 100, 1)}%`]),
      ),
    );
  }
  if (files.length === 0) notes.push(`No profile was written to ${dir}.`);
  return [...out, ...notes].join('\n\n');
}

function render(
  results: readonly Measured[],
  targets: readonly Target[],
  perFetch: Map<string, number[]>,
  seeded: Seeded,
  counts: string,
  mismatches: string[],
  startProblems: string[],
  profiles: string,
  pgSource: string,
  kafkaSource: string,
): string {
  const get = (target: TargetName, op: OpName, phase: string) =>
    results.find((r) => r.target === target && r.op === op && r.phase === phase);
  const phases = ['one client', 'capacity', ...LEVELS.map((l) => `${l * 100}%`)];
  const present = new Set(targets.map((t) => t.name));
  const out: string[] = [
    `Every service and gateway is a child process of its own on 127.0.0.1 (services on fresh migrated databases, PostgreSQL from ${pgSource}, events on Kafka from ${kafkaSource}); ` +
      `the load generator (keep-alive node:http client) runs in the bench process. Requests rotate over ${CASES} cases, half civil money claims (submitted, paid by account), half criminal prosecutions resulted with a fine, each with two enquiries and a complaint (${counts}). ` +
      `Caller: a caseworker token; every gateway verifies it at the edge and passes it on, and every subgraph verifies it again.`,
    `Targets: **direct** (the client runs the gateway's plan itself: lookup, one request to cases; join, case(id) on cases, then \`_entities\` on payments, queries, complaints and enforcement in parallel); ` +
      `**gateway** (ours as deployed, \`gateway/src/main.ts\`: Hive Gateway runtime with the Rust query planner of Hive Router, our plugins (GraphQL Armor limits, error codes, operation rules, metrics), persisted documents, rate limit, edge token check, Express with pino-http and metrics); ` +
      `**apollo** (Apollo Gateway 2 on @apollo/server 5, \`bench/apollo-gateway.server.ts\`: configured as our gateway had it before the switch, the same GraphQL Armor limits as Apollo Server options, Node's fetch to the subgraphs with the caller's token, behind the same edge token check on a bare node:http server, without our Express stack, logging or metrics); ` +
      `**hive-rust** (bare Hive Gateway runtime with the Rust planner, \`bench/hive-gateway.server.ts\`, behind the same edge token check: the engine without our plugins, for reference).`,
    `Phases per operation and target: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s each of: one client (closed loop), capacity (${CONCURRENCY} clients, closed loop), ` +
      `and an open-model load (fixed arrival rate, latency measured from each request's scheduled send time, so a stall is not hidden by coordinated omission) at 25/50/75% ` +
      `of **our gateway's** measured capacity for that operation, the same rate for every target. CPU ms/request is the user+system time of every process that served the target ` +
      `(the five services, plus the gateway), read from /proc/<pid>/stat before and after, over the requests of that phase.`,
  ];
  if (mismatches.length) out.push(`**Left out, answers differ:** ${mismatches.join('; ')}`);
  if (startProblems.length) out.push(`**Not started:** ${startProblems.join('\n\n')}`);
  if (seeded.notes.length) out.push(`Seeding notes: ${seeded.notes.join('; ')}`);

  const title = (op: OpName) =>
    op === 'lookup'
      ? 'Single-entity lookup: `case(id)`'
      : 'Join across five subgraphs: case + serviceRequest/payments + enquiries + complaints + fineAccounts';
  for (const op of ['lookup', 'join'] as const) {
    const rows: string[][] = [];
    for (const phase of phases) {
      const d = get('direct', op, phase);
      for (const target of targets) {
        const r = get(target.name, op, phase);
        if (!r) continue;
        const p50 = percentile(r.load.latencies, 50);
        const p99 = percentile(r.load.latencies, 99);
        const ratio = (f: (m: Measured) => number) => (d && target.name !== 'direct' ? `×${fmt(f(r) / f(d), 2)}` : '');
        rows.push([
          phase,
          r.rate ? fmt(r.rate) : '',
          target.name,
          fmt(throughput(r.load)),
          fmt(p50, 2),
          fmt(p99, 2),
          ratio((m) => percentile(m.load.latencies, 50)),
          ratio((m) => percentile(m.load.latencies, 99)),
          fmt(r.cpuMsPerRequest, 2),
          ratio((m) => m.cpuMsPerRequest),
          r.gatewayCpuMsPerRequest === undefined ? '' : fmt(r.gatewayCpuMsPerRequest, 2),
          `${r.load.failed + r.load.unfinished}`,
        ]);
      }
    }
    out.push(`**${title(op)}**`);
    out.push(
      markdownTable(
        [
          'phase',
          'rate /s',
          'target',
          'req/s',
          'p50 ms',
          'p99 ms',
          'p50 ×direct',
          'p99 ×direct',
          'CPU ms/req (all processes)',
          'CPU ×direct',
          'gateway process CPU ms/req',
          'failed',
        ],
        rows,
      ),
    );
  }

  // Issue 20: the gateway's own cost (its target's CPU per request minus direct's) against Apollo Gateway's.
  const own = (target: TargetName, op: OpName, phase: string): number | undefined => {
    const r = get(target, op, phase);
    const d = get('direct', op, phase);
    return r && d ? r.cpuMsPerRequest - d.cpuMsPerRequest : undefined;
  };
  /** a ÷ b, only when both are measured and Apollo's own cost is above zero (else the ratio means nothing). */
  const ratioOf = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || b <= 0 ? undefined : a / b;
  const ms = (n: number | undefined) => (n === undefined ? 'n/a' : fmt(n, 2));
  const times = (n: number | undefined) => (n === undefined ? 'n/a' : `×${fmt(n, 2)}`);
  const processOf = (target: TargetName, op: OpName, phase: string) => get(target, op, phase)?.gatewayCpuMsPerRequest;
  out.push(
    '### Own cost of the gateway (issue 20)',
    `**Own cost** = the target's CPU ms per request (gateway plus the five services) minus direct's (the five services) in the same phase: what putting the gateway in the path costs per request. ` +
      `Issue 20 asks for our gateway's own cost to be at most a third of Apollo Gateway's (**gateway ÷ apollo ≤ 0.33**) on the lookup and on the join, and for its p50 at 75% load to be at most 1.3× direct's. ` +
      `In brackets, the gateway process's own CPU ms per request read from its /proc alone: the same quantity measured without the subtraction (the services do the same fetches either way), so the two should agree up to noise. ` +
      `The open-model phases (25/50/75%) put every target at the same arrival rate, which makes them the fairest comparison; at one client and at capacity each target runs at its own throughput. ` +
      `A ratio is n/a where Apollo's own cost came out at zero or below (noise larger than the cost).`,
  );
  const verdicts: string[] = [];
  for (const op of ['lookup', 'join'] as const) {
    const rows: string[][] = [];
    const ratios: number[] = [];
    for (const phase of phases) {
      const d = get('direct', op, phase);
      if (!d) continue;
      const gatewayOwn = own('gateway', op, phase);
      const apolloOwn = own('apollo', op, phase);
      const hiveOwn = own('hive-rust', op, phase);
      const ratio = ratioOf(gatewayOwn, apolloOwn);
      if (ratio !== undefined) ratios.push(ratio);
      rows.push([
        phase,
        d.rate ? fmt(d.rate) : '',
        fmt(d.cpuMsPerRequest, 2),
        `${ms(gatewayOwn)} (${ms(processOf('gateway', op, phase))})`,
        `${ms(apolloOwn)} (${ms(processOf('apollo', op, phase))})`,
        `**${ratio === undefined ? 'n/a' : fmt(ratio, 2)}**`,
        times(ratioOf(processOf('gateway', op, phase), processOf('apollo', op, phase))),
        ...(present.has('hive-rust')
          ? [`${ms(hiveOwn)} (${ms(processOf('hive-rust', op, phase))})`, times(ratioOf(hiveOwn, apolloOwn))]
          : []),
      ]);
    }
    out.push(`**Own cost, ${title(op)}** (CPU ms per request)`);
    out.push(
      markdownTable(
        [
          'phase',
          'rate /s',
          'direct CPU ms/req',
          'gateway own (process alone)',
          'apollo own (process alone)',
          'gateway own ÷ apollo own (target ≤ 0.33)',
          'process alone: gateway ÷ apollo',
          ...(present.has('hive-rust') ? ['hive-rust own (process alone)', 'hive-rust own ÷ apollo own'] : []),
        ],
        rows,
      ),
    );
    const met = ratios.filter((r) => r <= 1 / 3).length;
    const p50At = (target: TargetName) => {
      const r = get(target, op, '75%');
      const d = get('direct', op, '75%');
      return r && d ? percentile(r.load.latencies, 50) / percentile(d.load.latencies, 50) : undefined;
    };
    const gatewayP50 = p50At('gateway');
    verdicts.push(
      `**${op}**: own cost gateway ÷ apollo ${ratios.length ? `from ${fmt(Math.min(...ratios), 2)} to ${fmt(Math.max(...ratios), 2)} over the phases, at most 0.33 in ${met} of ${ratios.length}` : 'not measured'}` +
        ` (at capacity ${ms(ratioOf(own('gateway', op, 'capacity'), own('apollo', op, 'capacity')))}, at 75% ${ms(ratioOf(own('gateway', op, '75%'), own('apollo', op, '75%')))}); ` +
        `p50 at 75% load ${times(gatewayP50)} direct (target ≤ ×1.3: ${gatewayP50 === undefined ? 'not measured' : gatewayP50 <= 1.3 ? 'met' : 'not met'}; apollo ${times(p50At('apollo'))}` +
        `${present.has('hive-rust') ? `, hive-rust ${times(p50At('hive-rust'))}` : ''}).`,
    );
  }
  out.push(`**Against issue 20's targets, in this run:**\n\n${verdicts.map((v) => `- ${v}`).join('\n')}`);
  out.push(
    'Apollo Gateway here is at its leanest (no request logging, metrics, rate limit or persisted documents), while our gateway carries all of them: ' +
      'the ratio charges our gateway for its whole stack, not only its engine. hive-rust ÷ apollo compares the two engines without our plugins.',
  );

  const lag = Math.max(...results.map((r) => r.load.maxSendLagMs ?? 0));
  const loadgen = Math.max(...results.map((r) => r.loadgenCpuShare));
  out.push(
    `Load generator health: highest lag of an open-model send behind its schedule ${fmt(lag, 1)} ms (counted in the latencies); highest load-generator CPU ${fmt(loadgen * 100)}% of one core. ` +
      `All processes share 2 cores: at capacity the servers, the load generator and PostgreSQL compete, so capacity is the platform's on this machine, not one process's.`,
  );

  // Slowest stage of the join path: each fetch at one client, and what each gateway adds on top.
  const stageRows = [...perFetch].map(([stage, values]) => {
    const sorted = sortedCopy(values);
    return [stage, fmt(percentile(sorted, 50), 2), fmt(percentile(sorted, 99), 2)];
  });
  const directJoin = get('direct', 'join', 'one client');
  const onTop = (target: TargetName) => {
    const r = get(target, 'join', 'one client');
    return directJoin && r ? percentile(r.load.latencies, 50) - percentile(directJoin.load.latencies, 50) : Number.NaN;
  };
  const overhead = onTop('gateway');
  stageRows.push(['our gateway on top (join p50 via gateway − direct)', fmt(overhead, 2), '']);
  for (const other of ['apollo', 'hive-rust'] as const)
    if (present.has(other))
      stageRows.push([`${other} on top (join p50 via ${other} − direct)`, fmt(onTop(other), 2), '']);
  const slowest = [...perFetch]
    .filter(([k]) => !k.startsWith('fan-out'))
    .map(([k, v]) => [k, percentile(sortedCopy(v), 50)] as const)
    .sort((a, b) => b[1] - a[1])[0];
  out.push(
    '**Stages of the join at one client** (direct client timing each fetch; the gateways make the same fetches)',
  );
  out.push(markdownTable(['stage', 'p50 ms', 'p99 ms'], stageRows));
  if (slowest) {
    const gatewayIsSlowest = overhead > slowest[1];
    out.push(
      `Slowest stage of the join path: **${gatewayIsSlowest ? `our gateway itself (+${fmt(overhead, 2)} ms at p50)` : `${slowest[0]} (${fmt(slowest[1], 2)} ms at p50)`}**` +
        (gatewayIsSlowest
          ? `, more than the slowest subgraph fetch (${slowest[0]}, ${fmt(slowest[1], 2)} ms).`
          : `; our gateway adds ${fmt(overhead, 2)} ms at p50.`),
    );
  }

  const thrown = [
    ...new Set(
      results.flatMap((r) => (r.load.firstError ? [`${r.target} ${r.op} ${r.phase}: ${r.load.firstError}`] : [])),
    ),
  ];
  if (thrown.length) out.push(`Requests that failed without an answer: ${thrown.join('; ')}`);
  if (failures.length) out.push(`First failed answers: ${failures.map((f) => `\`${f}\``).join('; ')}`);
  if (profiles) out.push(profiles);
  return out.join('\n\n');
}
