import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@ccsc/platform';
import {
  bearer,
  createTestDatabase,
  describeKafka,
  eventually,
  kafkaBrokers,
  TestDatabase,
  testServiceEnv,
} from '@ccsc/testing';
import { casesDatabase } from '../src/data-source';
import { claim } from './cases-app';

const ROOT = path.join(__dirname, '..', '..', '..');

/** A free port: the service is a separate process and must be told where to listen. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Service {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** The cases service as its own process, exactly as a container runs it (`main.ts`), on real PostgreSQL and Kafka. */
async function startService(databaseUrl: string): Promise<Service> {
  const port = await freePort();
  const env = {
    ...process.env,
    ...testServiceEnv(databaseUrl, {
      PORT: String(port),
      KAFKA_BROKERS: kafkaBrokers()!.join(','),
      OUTBOX_POLL_MS: '20',
      SHUTDOWN_GRACE_MS: '15000',
    }),
  };
  const child = spawn(process.execPath, ['tools/run.js', 'services/cases/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`the service exited: ${stderr}`);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  }, 90_000);
  return { child, url, exited };
}

// SIGTERM in the middle of a burst of writes, each of which publishes events that the service's own
// consumer applies: what was accepted finishes and commits, the process exits on its own, and after a
// restart every event has been published and applied exactly once.
describeKafka('graceful shutdown under load (real PostgreSQL and Kafka, separate process)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: Service | undefined;
  let caseworker: string;

  beforeAll(async () => {
    database = await createTestDatabase('cases', casesDatabase);
    dataSource = await new DataSource(
      serviceDataSourceOptions(database.url, { entities: [], migrations: [] }, 2),
    ).initialize();
    caseworker = await bearer('caseworker');
  });
  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await dataSource.destroy();
    await database.drop();
  });

  it('finishes in-flight requests, commits what the consumer applied, and loses or doubles no event', async () => {
    service = await startService(database.url);
    const post = (i: number) =>
      fetch(`${service!.url}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: caseworker, 'content-type': 'application/json', 'idempotency-key': `burst-${i}` },
        body: JSON.stringify(claim()),
      }).then(
        async (res) => ({ status: res.status, id: res.ok ? ((await res.json()) as { id: string }).id : undefined }),
        (error: Error & { cause?: { code?: string } }) => ({ status: 0, error: error.cause?.code ?? error.message }),
      );

    const count = async (sql: string, params: unknown[] = []) =>
      Number(((await dataSource.query(sql, params)) as [{ n: string }])[0].n);

    // A burst that is still arriving when the signal comes: the signal follows the first committed
    // write, so the service is under way with the burst rather than, after a guessed sleep, before or past it.
    const burst: Promise<{ status: number; id?: string; error?: string }>[] = [];
    for (let i = 0; i < 40; i++) burst.push(post(i));
    await eventually(async () => expect(await count(`SELECT count(*) AS n FROM cases`)).toBeGreaterThan(0), 15_000, 5);
    service.child.kill('SIGTERM');
    for (let i = 40; i < 80; i++) burst.push(post(i));
    const results = await Promise.all(burst);
    expect(await service.exited).toBe(0);

    // Every request either completed (201) or was not taken: refused, or its connection closed before
    // the request was read. None got an error response, and none was done without being answered.
    const accepted = results.filter((r) => r.status === 201);
    const notTaken = results.filter((r) => r.status === 0);
    expect(accepted.length + notTaken.length).toBe(results.length);
    expect(accepted.length).toBeGreaterThan(0);
    for (const { error } of notTaken) expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET']).toContain(error);

    // Exactly the answered writes committed, each with its events.
    const ids = accepted.map((r) => r.id!);
    const cases = await count(`SELECT count(*) AS n FROM cases`);
    expect(cases).toBe(ids.length);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE id = ANY ($1::uuid[])`, [ids])).toBe(ids.length);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE type = 'cases.case-created.v1'`)).toBe(cases);

    // After a restart the rest is published and applied: each event once, none lost.
    service = await startService(database.url);
    await eventually(async () => {
      expect(await count(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM case_timeline WHERE type = 'cases.case-created.v1'`)).toBe(cases);
    }, 60_000);
    expect(
      await count(`SELECT count(*) AS n FROM inbox WHERE type = 'cases.case-created.v1' AND status = 'applied'`),
    ).toBe(cases);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT case_id FROM case_timeline WHERE type = 'cases.case-created.v1' GROUP BY case_id HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    service = undefined;
  });

  it('closes its subscriptions with 1001 Going Away on SIGTERM instead of waiting for them, and exits promptly', async () => {
    service = await startService(database.url);
    const created = await fetch(`${service.url}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: caseworker, 'content-type': 'application/json' },
      body: JSON.stringify(claim()),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const closed = new Promise<number>((resolve, reject) => {
      const client = createClient({
        url: `${service!.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: caseworker },
        retryAttempts: 0,
        on: { closed: (event) => resolve((event as { code: number }).code), error: reject },
      });
      client.subscribe(
        { query: 'subscription($id: ID!) { hearingStatusChanged(caseId: $id) { to } }', variables: { id } },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    // Subscribed once the connection is acknowledged and the subscription taken: a moment after it opens.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const signalled = Date.now();
    service.child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await service.exited).toBe(0);
    // Without closing them, the HTTP server's close would wait for the WebSocket until SHUTDOWN_GRACE_MS (15 s).
    expect(Date.now() - signalled).toBeLessThan(10_000);
    service = undefined;
  });
});
