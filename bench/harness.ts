// What the platform benchmarks share (gateway-cost, write-path, event-pipeline, memory): the
// platform's services and gateway as child processes of their own (tools/platform), load
// generators that measure latency the way a client sees it, and CPU profiles of the servers.
//
// Not a *.bench.ts file, so bench/run.ts does not run it on its own.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { loadOrCreateLocalKeys, mintToken, readLocalKeys, type Role } from '@ccsc/auth';
import { SERVICE_NAMES, type ServiceName } from '@ccsc/contracts';
import { serviceDataSourceOptions } from '@ccsc/platform';
import { resolvePostgres, startOwnKafkaBroker, type LocalKafkaBroker, type ResolvedPostgres } from '@ccsc/testing';
import { databaseParts, freshDatabase, type PlatformDatabase } from '../tools/platform/databases';
import { launchPlatform, type LaunchedPlatform } from '../tools/platform/launch';
import { guardChildren, nodeProcesses, type NodeChild } from '../tools/platform/node-processes';
import type { NodeRuntime } from '../tools/platform/node-flags';
import { REPO_ROOT } from '../tools/repo-root';
import { build } from '../tools/build';
import { stripSources } from '../tools/strip-sources';

export const ROOT = REPO_ROOT;
const HOST = '127.0.0.1';
const ISSUER = 'ccsc-local';
const AUDIENCE = 'ccsc-api';
/** BENCH_KEEP_DATABASE=1 keeps the databases, to try queries on them with psql afterwards. */
const KEEP_DATABASES = process.env.BENCH_KEEP_DATABASE === '1';

export const ALL_SERVICES: readonly ServiceName[] = SERVICE_NAMES;

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/** The result of some work and how long it took, in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

export function log(bench: string, message: string): void {
  console.error(`[${bench}] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL, keys, Kafka

/** BENCH_DATABASE_URL, else DATABASE_URL, else whatever resolvePostgres finds (as the other benchmarks). */
export async function benchPostgres(): Promise<ResolvedPostgres> {
  const explicit = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  return explicit ? { url: explicit, source: 'environment', stop: async () => undefined } : resolvePostgres();
}

export type BenchDatabase = PlatformDatabase;

/** A fresh database on the server with the service's migrations applied; names start with `bench_`. */
export async function migratedDatabase(serverUrl: string, service: ServiceName): Promise<BenchDatabase> {
  const database = await freshDatabase(serverUrl, 'bench', service, { keep: KEEP_DATABASES });
  return {
    ...database,
    // A leftover database costs less than the figures of a run that failed while cleaning up.
    drop: () => database.drop().catch((error: unknown) => console.error(`could not drop ${database.name}:`, error)),
  };
}

/**
 * A batch benchmark's frame: a fresh migrated database of the service on the bench server, a
 * DataSource on it for `work`, and everything dropped and stopped afterwards.
 */
export async function withServiceDatabase<T>(
  service: ServiceName,
  poolSize: number,
  work: (dataSource: DataSource, serverSource: string) => Promise<T>,
): Promise<T> {
  const server = await benchPostgres();
  try {
    const database = await migratedDatabase(server.url, service);
    try {
      const dataSource = new DataSource(serviceDataSourceOptions(database.url, await databaseParts(service), poolSize));
      await dataSource.initialize();
      try {
        return await work(dataSource, server.source);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await database.drop();
    }
  } finally {
    await server.stop();
  }
}

export interface BenchKeys {
  dir: string;
  token(role: Role, options?: { org?: string; sub?: string }): Promise<string>;
  remove(): void;
}

/** A signing key of the run's own, which the services and gateways are told to trust. */
export async function benchKeys(): Promise<BenchKeys> {
  const dir = mkdtempSync(join(tmpdir(), 'ccsc-bench-keys-'));
  await loadOrCreateLocalKeys(dir);
  const keys = readLocalKeys(dir);
  return {
    dir,
    token: async (role, options = {}) =>
      `Bearer ${await mintToken(keys, { sub: options.sub ?? `${role}-bench`, roles: [role], org: options.org, issuer: ISSUER, audience: AUDIENCE, ttl: 4 * 3600 })}`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A local Kafka broker of the run's own (so it can be halted and resumed), else KAFKA_BROKERS.
 * The local broker needs `java` and the cached jars (or `mvn`), as the Kafka test suites do.
 */
export async function benchKafka(): Promise<{
  brokers: string[];
  source: string;
  broker?: LocalKafkaBroker;
  stop(): Promise<void>;
}> {
  const own = await startOwnKafkaBroker();
  if (own)
    return {
      brokers: own.brokers,
      source: 'local broker (KRaft, Kafka 4.4.0 jars)',
      broker: own,
      stop: () => own.stop(),
    };
  const explicit = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (explicit.length) return { brokers: explicit, source: 'KAFKA_BROKERS', stop: async () => undefined };
  throw new Error(
    'No Kafka: no local broker could be started (needs java and the cached jars or mvn) and KAFKA_BROKERS is unset',
  );
}

// ---------------------------------------------------------------------------------------------
// The platform as child processes

export interface Platform extends LaunchedPlatform<NodeChild, NodeChild> {
  children(): NodeChild[];
}

export interface PlatformOptions {
  bench: string;
  postgresUrl: string;
  keysDir: string;
  services: readonly ServiceName[];
  kafkaBrokers?: string[];
  gateway?: boolean;
  cpuProfDir?: string;
  /** Reuse these databases (already migrated) instead of creating new ones: a second set of processes over the same data. */
  databases?: Partial<Record<ServiceName, BenchDatabase>>;
  /** Labels get this suffix (for a second set of processes). */
  suffix?: string;
  extraEnv?: Record<string, string>;
  logDir: string;
  /** Run the apps compiled ahead of time from this directory (tools/build.ts), not through the loader. */
  compiled?: string;
  /** Node's flags and environment for each app (IMAGE_RUNTIME, as the images run). */
  runtime?: NodeRuntime;
}

/** The platform launcher's services (each its own process, own database) and optionally the gateway. */
export async function startBenchPlatform(options: PlatformOptions): Promise<Platform> {
  const runner = nodeProcesses({
    logDir: options.logDir,
    cpuProfDir: options.cpuProfDir,
    suffix: options.suffix,
    gatewayLabel: 'gateway',
    compiled: options.compiled,
    runtime: options.runtime,
    log: (message) => log(options.bench, message),
  });
  const unguard = guardChildren(() => runner.children());
  try {
    const platform = await launchPlatform({
      runner,
      services: options.services,
      postgres: options.postgresUrl ? { url: options.postgresUrl } : undefined,
      databases: { fresh: 'bench', keep: KEEP_DATABASES },
      reuse: options.databases,
      keysDir: options.keysDir,
      // Request logs at info would be measured as well; warn is what `npm start` runs at.
      env: { NODE_ENV: 'test', HOST, LOG_LEVEL: 'warn', AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
      serviceEnv: {
        DATABASE_POOL_SIZE: '10',
        ...(options.kafkaBrokers?.length ? { KAFKA_BROKERS: options.kafkaBrokers.join(',') } : {}),
        ...options.extraEnv,
      },
      // The load comes from one token: the per-client rate limit would measure 429s.
      gatewayEnv: { RATE_LIMIT_REQUESTS: '1000000' },
      gateway: options.gateway ?? false,
    });
    return {
      ...platform,
      children: () => runner.children(),
      // As a database that could not be dropped: the run's figures matter more than its cleaning up.
      stop: async () => {
        await platform.stop().catch((error: unknown) => console.error('could not stop the platform cleanly:', error));
        unguard();
      },
    };
  } catch (error) {
    unguard();
    throw error;
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The apps compiled ahead of time into a directory of the run's own, as `npm run build` writes dist/ (under the
 * repository, in its git-ignored .data, so that they find node_modules as dist/ does). Run them with
 * IMAGE_RUNTIME to measure them as the images run.
 */
export async function compiledApps(options: { asImages?: boolean } = {}): Promise<{ dir: string; remove(): void }> {
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.data', 'bench-dist-'));
  try {
    await build(dir);
    // As the Dockerfile's build stage: dist/ and the production dependencies stripped (a copy in dir/node_modules,
    // which the apps in dir find before the repository's own).
    if (options.asImages) stripSources({ into: dir, distDir: dir });
  } catch (error) {
    removeDir(dir);
    throw error;
  }
  return { dir, remove: () => removeDir(dir) };
}

/** Removes a run's logs and profiles, unless BENCH_KEEP_LOGS=1 asks to keep them for a look. */
export function removeDir(dir: string): void {
  if (process.env.BENCH_KEEP_LOGS === '1') console.error(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// HTTP client and load generators

export interface HttpResult {
  status: number;
  body: string;
}

/**
 * A keep-alive HTTP/1.1 client on node:http, lighter than fetch, which matters
 * when the load generator shares two cores with the servers it measures.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(maxSockets = 64) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
    timeoutMs = 30_000,
  ): Promise<HttpResult> {
    return new Promise((resolvePromise, reject) => {
      const target = new URL(url);
      const req = httpRequest(
        {
          agent: this.agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method,
          headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  async json<T = unknown>(
    method: string,
    url: string,
    authorization: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await this.send(
      method,
      url,
      { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body === undefined ? undefined : JSON.stringify(body),
    );
    let parsed: unknown;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = res.body;
    }
    return { status: res.status, body: parsed as T };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** One request of a load: resolves true when the answer was the expected one. */
export type Operation = (i: number) => Promise<boolean>;

export interface LoadResult {
  /** Latencies of the successful requests, ms, sorted. */
  latencies: Float64Array;
  ok: number;
  failed: number;
  /** Requests still unanswered when the run gave up waiting for them. */
  unfinished: number;
  seconds: number;
  /** Open model only: the highest lag of a send behind its schedule, ms (the generator's own health). */
  maxSendLagMs?: number;
  firstError?: string;
}

export function throughput(r: LoadResult): number {
  return r.ok / r.seconds;
}

/** Closed loop: `concurrency` clients, each sending its next request when the last one is answered. */
export async function closedLoop(
  operation: Operation,
  concurrency: number,
  seconds: number,
  limit = Number.POSITIVE_INFINITY,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < end && next < limit) {
      const t0 = performance.now();
      try {
        if (await operation(next++)) {
          ok++;
          latencies.push(performance.now() - t0);
        } else failed++;
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return {
    latencies: sortedCopy(latencies),
    ok,
    failed,
    unfinished: 0,
    seconds: (performance.now() - started) / 1000,
    firstError,
  };
}

/**
 * Open model: requests are sent at a fixed arrival rate whatever the server's state, and each
 * latency is measured from the time the request was *scheduled* to go, not from when it went, so a
 * stalled server (or generator) shows up in the latencies instead of hiding (coordinated omission).
 */
export async function openLoop(
  operation: Operation,
  ratePerSecond: number,
  seconds: number,
  drainMs = 15_000,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let firstError: string | undefined;
  const total = Math.max(1, Math.round(ratePerSecond * seconds));
  const interval = 1000 / ratePerSecond;
  const inFlight = new Set<Promise<void>>();
  let maxSendLagMs = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - scheduled);
    const p: Promise<void> = operation(i).then(
      (good) => {
        if (good) {
          ok++;
          latencies.push(performance.now() - scheduled);
        } else failed++;
      },
      (error: unknown) => {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      },
    );
    const tracked = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  const sent = performance.now();
  await Promise.race([Promise.all([...inFlight]), sleep(drainMs)]);
  return {
    latencies: sortedCopy(latencies),
    ok,
    failed,
    unfinished: inFlight.size,
    seconds: Math.max(seconds, (sent - started) / 1000),
    maxSendLagMs,
    firstError,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** A span of CLOCK_MONOTONIC time in µs (process.hrtime.bigint() / 1000). */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface ProfileSummary {
  file: string;
  /** False when no sample fell in the windows asked for, and the whole profile is summarised instead. */
  windowed: boolean;
  totalMs: number;
  /** Share of samples outside (idle), garbage collection and program. */
  idleShare: number;
  gcShare: number;
  top: { name: string; where: string; selfMs: number; share: number }[];
  /** Self time by package (node_modules/<pkg>, node: internals, our code). */
  byPackage: { name: string; share: number }[];
}

/** A profiled script's path, with the compiled copy a bench ran (`compiledApps`) read as the source tree. */
function sourcePath(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/\/\.data\/bench-dist-[^/]+\//, '/');
}

function where(url: string, line: number): string {
  if (!url) return '(native)';
  const path = sourcePath(url);
  const nm = path.lastIndexOf('node_modules/');
  const short =
    nm >= 0 ? path.slice(nm + 'node_modules/'.length) : path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : path;
  return `${short}:${line + 1}`;
}

function packageOf(url: string, name: string): string {
  if (name === '(garbage collector)') return '(gc)';
  if (name === '(idle)' || name === '(program)') return name;
  if (!url) return '(native / V8)';
  const path = sourcePath(url);
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  if (path.startsWith('node:')) return 'node: (core)';
  if (path.startsWith(ROOT))
    return `ours: ${path
      .slice(ROOT.length + 1)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  return path;
}

/** Self time per function of a .cpuprofile (V8's sampling profile as `node --cpu-prof` writes it). */
export function summariseCpuProfile(
  file: string,
  top = 8,
  windows: readonly ProfileWindow[] = [],
  packages = 6,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const selfUs = new Map<number, number>();
  // Sample times are V8's monotonic clock in µs, the same CLOCK_MONOTONIC as process.hrtime() in
  // any process on the machine, so the parent's load windows select the samples taken under load.
  const inWindow = (t: number) => windows.length === 0 || windows.some((w) => t >= w.fromUs && t <= w.toUs);
  let t = profile.startTime;
  let windowed = 0;
  for (let i = 0; i < samples.length; i++) {
    const delta = Math.max(0, deltas[i] ?? 0);
    t += deltas[i] ?? 0;
    if (!inWindow(t)) continue;
    windowed++;
    const id = samples[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  if (windows.length > 0 && windowed === 0) return { ...summariseCpuProfile(file, top, [], packages), windowed: false };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  const byPackage = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let gcUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') {
      idleUs += us;
      continue;
    }
    if (name === '(garbage collector)') gcUs += us;
    const key = `${name}@${url}:${lineNumber}`;
    const entry = byFunction.get(key) ?? { name, where: where(url, lineNumber), us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const pkg = packageOf(url, name);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  return {
    file,
    windowed: windows.length > 0,
    totalMs: totalUs / 1000,
    idleShare: totalUs ? idleUs / totalUs : 0,
    gcShare: busyUs ? gcUs / busyUs : 0,
    top: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, share: busyUs ? f.us / busyUs : 0 })),
    byPackage: [...byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, packages)
      .map(([name, us]) => ({ name, share: busyUs ? us / busyUs : 0 })),
  };
}

export function findProfiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}
