import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../postgres';
import { LocalBrokerOptions, LocalKafkaBroker, startLocalKafkaBroker, TEST_BROKER_SETTINGS } from './kafka-broker';
import { dockerReachable } from '../docker';

export interface ResolvedKafka {
  brokers: string[];
  source: 'environment' | 'testcontainers' | 'local-broker' | 'none';
  /** Why no broker is available, when source is 'none'. */
  reason?: string;
  stop(): Promise<void>;
}

const KAFKA_VERSION = '4.4.0';
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const POM = path.join(ROOT, 'libs', 'testing', 'kafka', 'pom.xml');
// Under .ci/kafka (git ignores it) so that the next run starts the broker without a Maven call.
const CLASSPATH_CACHE = path.join(ROOT, '.ci', 'kafka', `classpath-${KAFKA_VERSION}.txt`);
const MAVEN_TIMEOUT_MS = 10 * 60_000;

const noop = async (): Promise<void> => undefined;

/**
 * A real Kafka for the test run, in the order architecture.md gives: brokers from `KAFKA_BROKERS`;
 * testcontainers when a Docker engine answers; a local broker from the official jars when `java`
 * and `mvn` are present; else none, with the reason.
 */
export async function resolveKafka(): Promise<ResolvedKafka> {
  const explicit = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (explicit.length > 0) return { brokers: explicit, source: 'environment', stop: noop };

  if (await dockerReachable()) return startKafkaContainer();

  if (!onPath('java')) return none('no KAFKA_BROKERS, no Docker engine, and `java` is not on PATH for a local broker');
  let classpath: string;
  try {
    classpath = await brokerClasspath();
  } catch (error) {
    return none(
      `the local broker's jars could not be resolved: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const broker = await startLocalKafkaBroker(mkdtempSync(path.join(tmpdir(), 'ccsc-test-kafka-')), classpath);
  return { ...broker, source: 'local-broker' };
}

/**
 * A broker of the test's own, which it may stop and start again (for broker-outage tests); undefined
 * where no local broker can be started (brokers from KAFKA_BROKERS or a container only).
 */
export async function startOwnKafkaBroker(options: LocalBrokerOptions = {}): Promise<LocalKafkaBroker | undefined> {
  if (!onPath('java')) return undefined;
  try {
    return await startLocalKafkaBroker(
      mkdtempSync(path.join(tmpdir(), 'ccsc-test-kafka-')),
      await brokerClasspath(),
      options,
    );
  } catch {
    return undefined;
  }
}

function none(reason: string): ResolvedKafka {
  return { brokers: [], source: 'none', reason, stop: noop };
}

async function startKafkaContainer(): Promise<ResolvedKafka> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  // The broker advertises the address clients use, which must be known before it starts: the same
  // port on both sides of the mapping.
  const port = await freePort();
  const environment = Object.fromEntries(
    Object.entries(TEST_BROKER_SETTINGS).map(([key, value]) => [
      `KAFKA_${key.toUpperCase().replaceAll('.', '_')}`,
      value,
    ]),
  );
  const container = await new GenericContainer(`apache/kafka:${KAFKA_VERSION}`)
    .withExposedPorts({ container: port, host: port })
    .withEnvironment({
      ...environment,
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${port},CONTROLLER://localhost:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return { brokers: [`${host}:${port}`], source: 'testcontainers', stop: async () => void (await container.stop()) };
}

/** The broker's runtime classpath from the cache, or from Maven (which downloads what ~/.m2 lacks). */
async function brokerClasspath(): Promise<string> {
  if (cacheIsCurrent()) return readFileSync(CLASSPATH_CACHE, 'utf8').trim();
  if (!onPath('mvn')) throw new Error('`mvn` is not on PATH and no classpath is cached');
  mkdirSync(path.dirname(CLASSPATH_CACHE), { recursive: true });
  // Written aside and renamed, so a concurrent run never reads half a file.
  const written = `${CLASSPATH_CACHE}.${process.pid}`;
  const args = ['-B', '-q', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${written}`];
  await new Promise<void>((resolve, reject) =>
    execFile('mvn', args, { timeout: MAVEN_TIMEOUT_MS }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stdout}${stderr}`.trim())) : resolve(),
    ),
  );
  renameSync(written, CLASSPATH_CACHE);
  return readFileSync(CLASSPATH_CACHE, 'utf8').trim();
}

/** Stale when the pom changed since, or when a jar has left ~/.m2. */
function cacheIsCurrent(): boolean {
  if (!existsSync(CLASSPATH_CACHE) || statSync(CLASSPATH_CACHE).mtimeMs < statSync(POM).mtimeMs) return false;
  const jars = readFileSync(CLASSPATH_CACHE, 'utf8').trim().split(path.delimiter);
  return jars.every((jar) => existsSync(jar));
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
