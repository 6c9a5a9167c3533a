import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Admin, Producer } from '@platformatic/kafka';
import { freePort } from '../postgres';

export interface LocalKafkaBroker {
  brokers: string[];
  /** With `scram`: the listener that takes only SASL/SCRAM-SHA-512 logins (`brokers` stays plaintext). */
  saslBrokers?: string[];
  stop(): Promise<void>;
  /** Stops the broker process but keeps its data, as when a broker goes down. */
  halt(): Promise<void>;
  /** Starts it again on the same ports with the same data. */
  resume(): Promise<void>;
}

const MiB = 1024 * 1024;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG4J_CONFIG = path.resolve(__dirname, '..', '..', 'kafka', 'log4j2.properties');

/** How a broker for tests differs from Kafka's defaults; the container branch uses the same settings. */
export const TEST_BROKER_SETTINGS: Readonly<Record<string, string>> = {
  'num.partitions': '3',
  'default.replication.factor': '1',
  'min.insync.replicas': '1',
  'offsets.topic.replication.factor': '1',
  'transaction.state.log.replication.factor': '1',
  'transaction.state.log.min.isr': '1',
  // The internal topics default to 50 partitions each; with few, the first consumer group forms sooner.
  'offsets.topic.num.partitions': '3',
  'transaction.state.log.num.partitions': '3',
  // Tests create their topics, so a misspelt topic name fails instead of quietly creating another topic.
  'auto.create.topics.enable': 'false',
  // A test's consumer group is complete with its first member; waiting for more only slows every test.
  'group.initial.rebalance.delay.ms': '0',
  // A test run writes little and its data is thrown away: small files, short retention.
  'log.segment.bytes': String(8 * MiB),
  'log.index.size.max.bytes': String(MiB),
  'log.retention.ms': String(60 * 60_000),
  'log.retention.check.interval.ms': '60000',
  // The log cleaner takes 128 MiB of heap by default, a quarter of this broker's maximum.
  'log.cleaner.dedupe.buffer.size': String(16 * MiB),
};

/**
 * Starts a single-node KRaft broker (broker and controller in one JVM) on 127.0.0.1 from the jars on
 * `classpath`, keeping its configuration, data and logs in `workDir`, which `stop()` removes.
 */
export interface LocalBrokerOptions {
  /** A second listener, SASL_PLAINTEXT with SCRAM-SHA-512 as production's, and this user created at format time. */
  scram?: { username: string; password: string };
}

export async function startLocalKafkaBroker(
  workDir: string,
  classpath: string,
  options: LocalBrokerOptions = {},
): Promise<LocalKafkaBroker> {
  const [port, controllerPort] = await twoFreePorts();
  const saslPort = options.scram ? await freePortBut([port, controllerPort]) : undefined;
  const brokers = [`127.0.0.1:${port}`];
  mkdirSync(workDir, { recursive: true });
  const config = path.join(workDir, 'server.properties');
  writeFileSync(config, serverProperties(workDir, port, controllerPort, saslPort));

  // Only the quick JIT compiler: starts half a second sooner, and tests never load the broker for long.
  const jvm = [
    '-XX:TieredStopAtLevel=1',
    '-cp',
    classpath,
    `-Dlog4j2.configurationFile=${pathToFileURL(LOG4J_CONFIG).href}`,
    `-Dkafka.logs.dir=${workDir}`,
  ];
  await formatStorage(jvm, config, options.scram);

  let running = launch(jvm, config, workDir);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= haltBroker(running).then(() => rmSync(workDir, { recursive: true, force: true })));
  const resume = async () => {
    running = launch(jvm, config, workDir);
    await waitUntilServing(running.child, brokers, workDir);
  };
  try {
    await waitUntilServing(running.child, brokers, workDir);
  } catch (error) {
    await stop();
    throw error;
  }
  const saslBrokers = saslPort ? [`127.0.0.1:${saslPort}`] : undefined;
  return { brokers, saslBrokers, stop, halt: () => haltBroker(running), resume };
}

interface Running {
  child: ChildProcess;
  release: () => void;
}

function launch(jvm: string[], config: string, workDir: string): Running {
  // The JVM's own output (a crash before logging starts, an OutOfMemoryError) goes next to server.log.
  const output = openSync(path.join(workDir, 'java.out'), 'a');
  const child = spawn('java', ['-Xms256m', '-Xmx512m', '-Djava.awt.headless=true', ...jvm, 'kafka.Kafka', config], {
    stdio: ['ignore', output, output],
  });
  closeSync(output);
  // The broker must never hold the test run open; stop() and the exit guard end it.
  child.unref();
  return { child, release: guardAgainstOrphan(child) };
}

async function twoFreePorts(): Promise<[number, number]> {
  const port = await freePort();
  return [port, await freePortBut([port])];
}

async function freePortBut(taken: number[]): Promise<number> {
  let port = await freePort();
  while (taken.includes(port)) port = await freePort();
  return port;
}

function serverProperties(workDir: string, port: number, controllerPort: number, saslPort?: number): string {
  const sasl = saslPort ? `,SASL_PLAINTEXT://127.0.0.1:${saslPort}` : '';
  const settings: Record<string, string> = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}${sasl}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}${sasl}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': `PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT${saslPort ? ',SASL_PLAINTEXT:SASL_PLAINTEXT' : ''}`,
    'log.dirs': path.join(workDir, 'data'),
    ...TEST_BROKER_SETTINGS,
    ...(saslPort
      ? {
          'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
          'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config':
            'org.apache.kafka.common.security.scram.ScramLoginModule required;',
        }
      : {}),
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value}\n`)
    .join('');
}

function formatStorage(jvm: string[], config: string, scram?: LocalBrokerOptions['scram']): Promise<void> {
  // KRaft keeps SCRAM credentials in its metadata log: the user is created with the storage.
  const user = scram ? ['--add-scram', `SCRAM-SHA-512=[name=${scram.username},password=${scram.password}]`] : [];
  const args = [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', config, ...user];
  return new Promise((resolve, reject) =>
    execFile('java', args, { timeout: START_TIMEOUT_MS }, (error, stdout, stderr) =>
      error
        ? reject(
            new Error(
              `Formatting the local Kafka broker's storage failed: ${error.message}\n${stdout}${stderr}`.trim(),
            ),
          )
        : resolve(),
    ),
  );
}

/** A cluster id as `kafka-storage random-uuid` makes one (16 random bytes, base64url), without a JVM start. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka never hands out an id starting with '-': command-line parsers would read it as an option.
    if (!id.startsWith('-')) return id;
  }
}

/**
 * jest exits without a global teardown when its setup fails or it is interrupted, and a killed jest
 * runs no exit handler at all. The exit handler covers the first case; for the second a watchdog
 * shell reads a pipe from this process and, at end of file (this process is gone), stops the broker.
 */
function guardAgainstOrphan(child: ChildProcess): () => void {
  const killBroker = () => void child.kill('SIGKILL');
  process.once('exit', killBroker);
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'read _; kill -TERM "$1" 2>/dev/null && sleep 10 && kill -KILL "$1" 2>/dev/null',
      'kafka-watchdog',
      String(child.pid),
    ],
    { stdio: ['pipe', 'ignore', 'ignore'] },
  );
  watchdog.unref();
  if (watchdog.stdin instanceof Socket) watchdog.stdin.unref();
  return () => {
    process.off('exit', killBroker);
    watchdog.kill('SIGKILL');
  };
}

async function waitUntilServing(child: ChildProcess, brokers: string[], workDir: string): Promise<void> {
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));
  child.once('error', (error) => (exit = error.message));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exit) throw new Error(`The local Kafka broker stopped while starting (${exit}).${logTail(workDir)}`);
    if (Date.now() > deadline)
      throw new Error(`The local Kafka broker did not answer within ${START_TIMEOUT_MS / 1000} s.${logTail(workDir)}`);
    if (await answers(brokers)) return;
    await sleep(250);
  }
}

/**
 * Ready means ready for what the tests do, each of which a fresh broker first refuses with a
 * retriable error: serving clients (a KRaft broker opens its client listener once it has caught up
 * with the controller), consumer groups (the first group lookup creates the offsets topic, which then
 * loads) and idempotent producers (the broker first fetches a block of producer ids from the
 * controller). Probed with the platform's own client, which prints nothing on the way.
 */
async function answers(brokers: string[]): Promise<boolean> {
  const base = {
    clientId: 'ccsc-test-broker-probe',
    bootstrapBrokers: brokers,
    connectTimeout: 1_000,
    timeout: 2_000,
    retries: 0,
  };
  const admin = new Admin(base);
  const producer = new Producer({ ...base, idempotent: true });
  try {
    await admin.metadata({ topics: [] });
    await admin.describeGroups({ groups: ['ccsc-test-broker-probe'] });
    await producer.initIdempotentProducer({});
    return true;
  } catch {
    return false;
  } finally {
    await producer.close().catch(() => undefined);
    await admin.close().catch(() => undefined);
  }
}

function logTail(workDir: string, lines = 40): string {
  let report = '';
  for (const name of ['server.log', 'java.out']) {
    const file = path.join(workDir, name);
    const tail = existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
    if (tail) report += `\n--- last lines of the broker's ${name} ---\n${tail}`;
  }
  return report;
}

async function haltBroker({ child, release }: Running): Promise<void> {
  release();
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    if (!(await settlesWithin(exited, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const cancel = new AbortController();
  const timeout = sleep(ms, false, { signal: cancel.signal }).catch(() => false);
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    cancel.abort();
  }
}
