// The event pipeline end to end: a command commits its row and its event (outbox), the relay
// publishes it to Kafka, a consumer in another process applies it (inbox + effect, one
// transaction). Latency is from the moment the command was scheduled to the consumer's commit.
//
//   npm run bench -- event-pipeline
//   BENCH_EVENTS_SECONDS=30 npm run bench -- event-pipeline          longer at each rate
//   BENCH_EVENTS_OUTAGE_SECONDS=10 npm run bench -- event-pipeline   a shorter broker outage (default 60 s)
//   BENCH_EVENTS_RATES=10,100,1000,2000 ...                          other open-model rates
//   BENCH_EVENTS_WARMUP_SECONDS=15 BENCH_EVENTS_WARMUP_RATE=500        the unmeasured JIT warm-up before them
//   BENCH_EVENTS_PER_COMMIT=10                                        events per transaction in the second saturation phase
//
// Producer side (this process): the platform's appendToOutbox in a TypeORM transaction with a
// case row, and the platform's OutboxRelay (defaults: batches of 500 or 512 KiB, woken by each commit, 1 s safety poll) on a
// PlatformaticKafkaTransport. Consumer side (bench/event-consumer.server.ts, a child process): the platform's
// InboxConsumer on its own PlatformaticKafkaTransport and database. Kafka: a local single-node KRaft broker
// of the run's own, so it can be halted and resumed with its data, as a broker outage is.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { caseCreatedV1 } from '@ccsc/contracts';
import { appendToOutbox, PlatformaticKafkaTransport, OutboxRelay, type EventTransport } from '@ccsc/messaging';
import { serviceDataSourceOptions } from '@ccsc/platform';
import { casesDatabase } from '../services/cases/src/data-source';
import { markdownTable, type BenchSection } from './report';
import {
  benchKafka,
  benchPostgres,
  closedLoop,
  envNumber,
  fmt,
  log,
  migratedDatabase,
  openLoop,
  percentile,
  ROOT,
  sleep,
  sortedCopy,
  type BenchDatabase,
  type LoadResult,
  type Operation,
} from './harness';
import type { ConsumerChildMessage, ConsumerParentMessage } from './event-consumer.server';
import { procStats } from '../tools/platform/node-processes';

const BENCH = 'event-pipeline';
const SECONDS = envNumber('BENCH_EVENTS_SECONDS', 10);
const OUTAGE_SECONDS = envNumber('BENCH_EVENTS_OUTAGE_SECONDS', 60);
const OUTAGE_RATE = envNumber('BENCH_EVENTS_OUTAGE_RATE', 100);
const WRITERS = envNumber('BENCH_EVENTS_WRITERS', 16);
const RATES = (process.env.BENCH_EVENTS_RATES ?? '10,100,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const DRAIN_TIMEOUT_MS = envNumber('BENCH_EVENTS_DRAIN_TIMEOUT_MS', 180_000);
const WARMUP_SECONDS = envNumber('BENCH_EVENTS_WARMUP_SECONDS', 15);
const WARMUP_RATE = envNumber('BENCH_EVENTS_WARMUP_RATE', 500);
/** The second saturation phase's events per commit: a command that publishes several (a bulk run, a court result). */
const BATCH_EVENTS = envNumber('BENCH_EVENTS_PER_COMMIT', 10);

const now = () => performance.timeOrigin + performance.now();

interface Timeline {
  scheduled: number;
  committed?: number;
  published?: number;
  received?: number;
  applied?: number;
}

/** The consumer child and its IPC; every wait is bounded. */
class Consumer {
  private constructor(private readonly proc: ChildProcess) {}

  static async start(databaseUrl: string, brokers: string[], groupId: string): Promise<Consumer> {
    const inherited = { ...process.env };
    delete inherited.DATABASE_URL;
    const proc = spawn(
      process.execPath,
      [join(ROOT, 'tools', 'run.js'), join(ROOT, 'bench', 'event-consumer.server.ts')],
      {
        cwd: ROOT,
        env: { ...inherited, DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers.join(','), GROUP_ID: groupId },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const consumer = new Consumer(proc);
    try {
      await consumer.next('ready', 120_000);
    } catch (error) {
      proc.kill('SIGKILL');
      throw error;
    }
    return consumer;
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Redeliveries the consumer's inbox recognised (at-least-once delivery made harmless), over the whole run. */
  duplicates = 0;
  /** Batches handed to the consumer's inbox, over the whole run. */
  batches = 0;

  async drain(): Promise<[string, number, number][]> {
    const reply = this.next('applied', 10_000);
    this.proc.send({ type: 'drain' } satisfies ConsumerParentMessage);
    const message = await reply;
    if (message.type !== 'applied') return [];
    this.duplicates += message.duplicates;
    this.batches += message.batches;
    return message.events;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((done) => this.proc.once('exit', () => done()));
    if (this.proc.connected) this.proc.send({ type: 'stop' } satisfies ConsumerParentMessage);
    await Promise.race([exited, sleep(15_000)]);
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }

  private next(type: 'ready' | 'applied', timeoutMs: number): Promise<ConsumerChildMessage> {
    return new Promise((resolvePromise, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        this.proc.off('message', onMessage);
        this.proc.off('exit', onExit);
      };
      const onMessage = (message: ConsumerChildMessage) => {
        if (message.type === 'failed') {
          cleanup();
          reject(new Error(`the consumer failed:\n${message.error}`));
        } else if (message.type === type) {
          cleanup();
          resolvePromise(message);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`the consumer exited (${code}) while waiting for '${type}'`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`the consumer sent no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.proc.on('message', onMessage);
      this.proc.on('exit', onExit);
    });
  }
}

/** The relay's transport, noting when Kafka acknowledged each event (each call is one relay pass that found events). */
function timedTransport(inner: EventTransport, onPublished: (ids: string[], at: number) => void): EventTransport {
  return {
    name: inner.name,
    ensureTopics: (topics) => inner.ensureTopics(topics),
    publish: async (messages) => {
      await inner.publish(messages);
      onPublished(
        messages.map((m) => m.headers['ce-id'] ?? ''),
        now(),
      );
    },
    consume: (options) => inner.consume(options),
    lag: (groupId, topics) => inner.lag(groupId, topics),
    close: () => inner.close(),
  };
}

/** CPU time so far (ms) of the pipeline's parts; PostgreSQL and the broker are found by name in /proc. */
interface CpuSample {
  producer: number;
  consumer: number;
  postgres: number;
  broker: number;
}

/**
 * CPU ms of the processes that match, with what their exited children used (cutime, cstime): a
 * PostgreSQL backend that ended between two samples is then still counted, in its postmaster's figure.
 */
function cpuOf(match: (comm: string, cmdline: string) => boolean): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const cmdline = comm === 'java' ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
      if (!match(comm, cmdline)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // utime, stime, cutime, cstime: fields 14-17, after the command name's closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    } catch {
      // Gone since the listing.
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

function cpuSample(consumerPid: number | undefined): CpuSample {
  const own = process.cpuUsage();
  return {
    producer: (own.user + own.system) / 1000,
    consumer: consumerPid ? procStats(consumerPid).cpuMs : Number.NaN,
    postgres: cpuOf((comm) => comm === 'postgres'),
    broker: cpuOf((comm, cmdline) => comm === 'java' && cmdline.includes('kafka.Kafka')),
  };
}

interface Pipeline {
  timelines: Map<string, Timeline>;
  /** One transaction of `perCommit` case rows and their events (1: one command, one event). */
  write(scheduled: number, perCommit?: number): Promise<boolean>;
  /** Collects the consumer's applied times; resolves when every event written is applied, or on timeout. */
  settle(ids: readonly string[], timeoutMs: number): Promise<{ applied: number; lastAppliedAt?: number }>;
}

interface Outage {
  written: number;
  haltedMs: number;
  resumeMs: number;
  backlogAtResume: number;
  publishedDuringOutage: number;
  firstAppliedAfterMs?: number;
  publishedAllAfterMs?: number;
  drainMs?: number;
  applied: number;
  lostOrLate: number;
  redelivered: number;
}

interface LevelResult {
  label: string;
  rate?: number;
  load: LoadResult;
  ids: string[];
  applied: number;
  firstSent: number;
  lastSent: number;
  lastAppliedAt?: number;
  /** Relay passes that published, and batches the consumer was handed, during the level and its settling. */
  relayPasses: number;
  consumerBatches: number;
  /** CPU ms each part used over the level and its settling. */
  cpu: CpuSample;
}

export async function run(): Promise<BenchSection> {
  const pg = await benchPostgres();
  const kafka = await benchKafka();
  const databases: BenchDatabase[] = [];
  let consumer: Consumer | undefined;
  let relay: OutboxRelay | undefined;
  let producerTransport: PlatformaticKafkaTransport | undefined;
  let dataSource: DataSource | undefined;
  const killConsumer = () => consumer?.kill();
  process.once('exit', killConsumer);
  try {
    const producerDb = await migratedDatabase(pg.url, 'cases');
    databases.push(producerDb);
    const consumerDb = await migratedDatabase(pg.url, 'queries');
    databases.push(consumerDb);
    dataSource = new DataSource(serviceDataSourceOptions(producerDb.url, casesDatabase, 10));
    await dataSource.initialize();
    const db = dataSource;

    producerTransport = new PlatformaticKafkaTransport({
      brokers: kafka.brokers,
      clientId: 'bench-event-producer',
      partitions: 3,
      replicationFactor: 1,
    });
    await producerTransport.ensureTopics([caseCreatedV1.topic, 'ccsc.queries.dead-letters']);
    const timelines = new Map<string, Timeline>();
    let relayPasses = 0;
    const published = timedTransport(producerTransport, (ids, at) => {
      relayPasses++;
      for (const id of ids) {
        const t = timelines.get(id);
        if (t && t.published === undefined) t.published = at;
      }
    });
    const relayErrors = { count: 0, last: '' };
    relay = new OutboxRelay(dataSource, published, {
      service: 'cases',
      onError: (error) => {
        relayErrors.count++;
        relayErrors.last = error instanceof Error ? error.message : String(error);
      },
    });
    relay.start();
    log(BENCH, 'starting the consumer process');
    consumer = await Consumer.start(
      consumerDb.url,
      kafka.brokers,
      `bench.event-pipeline.${randomBytes(4).toString('hex')}`,
    );
    const theConsumer = consumer;

    let sequence = 0;
    const pipeline: Pipeline = {
      timelines,
      write: async (scheduled, perCommit = 1) => {
        const cases = Array.from({ length: perCommit }, () => ({
          caseId: randomUUID(),
          reference: String(10_000_000_000_000_000n + BigInt(sequence++)).slice(1),
        }));
        let eventIds: string[] = [];
        await db.transaction(async (manager) => {
          await manager.query(
            `INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version)
             SELECT id, reference, 'civil-money-claim', 'draft', 'bench', now(), now(), 1 FROM unnest($1::uuid[], $2::varchar[]) AS c(id, reference)`,
            [cases.map((c) => c.caseId), cases.map((c) => c.reference)],
          );
          const envelopes = await appendToOutbox(
            manager,
            cases.map(({ caseId, reference }) => ({
              type: caseCreatedV1,
              subject: caseId,
              data: { caseId, reference, caseType: 'civil-money-claim', state: 'draft' },
            })),
            { actor: 'bench' },
          );
          eventIds = envelopes.map((e) => e.id);
          for (const id of eventIds) timelines.set(id, { scheduled });
        });
        const committed = now();
        for (const id of eventIds) {
          const t = timelines.get(id);
          if (t) t.committed = committed;
        }
        return true;
      },
      settle: async (ids, timeoutMs) => {
        const deadline = Date.now() + timeoutMs;
        let lastAppliedAt: number | undefined;
        for (;;) {
          for (const [id, received, applied] of await theConsumer.drain()) {
            const t = timelines.get(id);
            if (t && t.applied === undefined) {
              t.received = received;
              t.applied = applied;
            }
          }
          let done = 0;
          for (const id of ids) {
            const applied = timelines.get(id)?.applied;
            if (applied !== undefined) {
              done++;
              lastAppliedAt = Math.max(lastAppliedAt ?? 0, applied);
            }
          }
          if (done === ids.length || Date.now() > deadline) return { applied: done, lastAppliedAt };
          await sleep(100);
        }
      },
    };

    /** Runs a load of writes and returns the ids it wrote, in the order scheduled. */
    const level = async (
      label: string,
      load: (op: Operation) => Promise<LoadResult>,
      rate?: number,
      perCommit = 1,
    ): Promise<LevelResult> => {
      const before = new Set(timelines.keys());
      const [passesBefore, batchesBefore] = [relayPasses, theConsumer.batches];
      const cpuBefore = cpuSample(theConsumer.pid);
      const firstSent = now();
      const started = performance.now();
      // Open model: the time openLoop scheduled send i for; closed loop: the time it was sent.
      const op: Operation = async (i) =>
        pipeline.write(rate ? performance.timeOrigin + started + (i * 1000) / rate : now(), perCommit);
      const result = await load(op);
      const lastSent = now();
      const ids = [...timelines.keys()].filter((id) => !before.has(id));
      const settled = await pipeline.settle(ids, DRAIN_TIMEOUT_MS);
      const cpuAfter = cpuSample(theConsumer.pid);
      return {
        label,
        rate,
        load: result,
        ids,
        applied: settled.applied,
        firstSent,
        lastSent,
        lastAppliedAt: settled.lastAppliedAt,
        relayPasses: relayPasses - passesBefore,
        consumerBatches: theConsumer.batches - batchesBefore,
        cpu: {
          producer: cpuAfter.producer - cpuBefore.producer,
          consumer: cpuAfter.consumer - cpuBefore.consumer,
          postgres: cpuAfter.postgres - cpuBefore.postgres,
          broker: cpuAfter.broker - cpuBefore.broker,
        },
      };
    };

    // Warm-up: the consumer joins its group and gets its partitions; events until one comes through.
    log(BENCH, 'warm-up: waiting for the consumer to have its partitions');
    const warm = await level('warm-up', (op) => openLoop(op, 20, 3));
    if (warm.applied === 0) {
      const backlog = await relay.backlog();
      const published = warm.ids.filter((id) => timelines.get(id)?.published !== undefined).length;
      throw new Error(
        `no event reached the consumer during the warm-up: ${warm.ids.length} written, ${published} published, ${backlog.unpublished} still in the outbox; ` +
          `relay errors: ${relayErrors.count}${relayErrors.last ? ` (last: ${relayErrors.last})` : ''}; first write error: ${warm.load.firstError ?? 'none'}`,
      );
    }

    // Then the JIT warm-up, not measured: a cold broker JVM and cold Node processes compile their hot paths
    // during the first seconds of load, which put p99 at 2.4 s in a first 1000/s phase and 0.17 s once warm.
    log(BENCH, `warm-up: ${WARMUP_RATE} events/s for ${WARMUP_SECONDS}s, not measured`);
    await level('jit warm-up', (op) => openLoop(op, WARMUP_RATE, WARMUP_SECONDS), WARMUP_RATE);

    const levels: LevelResult[] = [];
    for (const rate of RATES) {
      log(BENCH, `open model: ${rate} events/s for ${SECONDS}s`);
      levels.push(await level(`${rate}/s`, (op) => openLoop(op, rate, SECONDS), rate));
    }
    const saturations: LevelResult[] = [];
    for (const perCommit of [1, BATCH_EVENTS]) {
      const what = perCommit === 1 ? 'one event per commit' : `${perCommit} events per commit`;
      log(BENCH, `saturation: ${WRITERS} writers in a closed loop for ${SECONDS}s, ${what}`);
      saturations.push(
        await level(
          `${WRITERS} writers, closed loop, ${what}`,
          (op) => closedLoop(op, WRITERS, SECONDS),
          undefined,
          perCommit,
        ),
      );
    }

    // Broker outage: halt it, keep writing, resume, time the drain.
    let outage: Outage | undefined;
    let outageNote = '';
    if (!kafka.broker)
      outageNote = `Not measured: the broker comes from ${kafka.source}, which this benchmark cannot halt and resume.`;
    else {
      log(BENCH, `broker outage: halting the broker for ${OUTAGE_SECONDS}s while writing ${OUTAGE_RATE} events/s`);
      const before = new Set(timelines.keys());
      const haltedAt = now();
      await kafka.broker.halt();
      const writeStart = now();
      await openLoop((i) => pipeline.write(writeStart + (i * 1000) / OUTAGE_RATE), OUTAGE_RATE, OUTAGE_SECONDS);
      const ids = [...timelines.keys()].filter((id) => !before.has(id));
      const backlog = (await relay.backlog()).unpublished;
      const haltedMs = now() - haltedAt;
      const duplicatesBefore = theConsumer.duplicates;
      const resumeStarted = now();
      await kafka.broker.resume();
      const resumedAt = now();
      log(BENCH, `broker back after ${fmt(resumedAt - resumeStarted)} ms; draining ${ids.length} events`);
      const settled = await pipeline.settle(ids, DRAIN_TIMEOUT_MS);
      const times = (f: (t: Timeline) => number | undefined) =>
        ids
          .map((id) => timelines.get(id))
          .map((t) => (t ? f(t) : undefined))
          .filter((v): v is number => v !== undefined);
      const appliedTimes = times((t) => t.applied);
      const publishedTimes = times((t) => t.published);
      // The broker answered when the bench's probe saw it, or when the relay published to it, if earlier
      // (the probe polls; a short outage's backlog can be through before it looks).
      const answeredAt = Math.min(resumedAt, ...publishedTimes.filter((t) => t >= resumeStarted));
      outage = {
        written: ids.length,
        haltedMs,
        resumeMs: answeredAt - resumeStarted,
        backlogAtResume: backlog,
        publishedDuringOutage: publishedTimes.filter((t) => t < resumeStarted).length,
        firstAppliedAfterMs: appliedTimes.length ? Math.min(...appliedTimes) - answeredAt : undefined,
        publishedAllAfterMs:
          publishedTimes.length === ids.length ? Math.max(...publishedTimes) - answeredAt : undefined,
        drainMs:
          settled.lastAppliedAt !== undefined && settled.applied === ids.length
            ? settled.lastAppliedAt - answeredAt
            : undefined,
        applied: settled.applied,
        lostOrLate: ids.length - settled.applied,
        redelivered: theConsumer.duplicates - duplicatesBefore,
      };
    }

    return {
      title: 'Event pipeline: commit → outbox → Kafka → consumer applied',
      markdown: render(levels, saturations, timelines, outage, outageNote, pg.source, kafka.source),
    };
  } finally {
    process.off('exit', killConsumer);
    await relay?.stop();
    await consumer?.stop();
    await producerTransport?.close().catch(() => undefined);
    await dataSource?.destroy();
    for (const database of databases) await database.drop();
    await kafka.stop();
    await pg.stop();
  }
}

function stages(ids: readonly string[], timelines: Map<string, Timeline>) {
  const pick = (f: (t: Timeline) => number | undefined) =>
    sortedCopy(
      ids
        .map((id) => timelines.get(id))
        .flatMap((t) => (t ? [f(t)] : []))
        .filter((v): v is number => v !== undefined && Number.isFinite(v)),
    );
  return {
    endToEnd: pick((t) => (t.applied !== undefined ? t.applied - t.scheduled : undefined)),
    commit: pick((t) => (t.committed !== undefined ? t.committed - t.scheduled : undefined)),
    relay: pick((t) =>
      t.published !== undefined && t.committed !== undefined ? t.published - t.committed : undefined,
    ),
    kafka: pick((t) => (t.received !== undefined && t.published !== undefined ? t.received - t.published : undefined)),
    apply: pick((t) => (t.applied !== undefined && t.received !== undefined ? t.applied - t.received : undefined)),
  };
}

const STAGE_NAMES = {
  commit: 'commit (scheduled → row and outbox committed)',
  relay: 'outbox → Kafka (committed → relay published, acks=all)',
  kafka: 'Kafka → consumer (published → handed to the consumer)',
  apply: 'apply (inbox + effect committed)',
} as const;

function render(
  levels: LevelResult[],
  saturations: LevelResult[],
  timelines: Map<string, Timeline>,
  outage: Outage | undefined,
  outageNote: string,
  pgSource: string,
  kafkaSource: string,
): string {
  const out: string[] = [
    `Producer (this process): each command is one TypeORM transaction inserting a case row and its \`cases.case-created.v1\` event with the platform's \`appendToOutbox\` (in the last saturation phase, ${BATCH_EVENTS} of each per transaction); ` +
      `the platform's \`OutboxRelay\` (passes of up to 500 events or 512 KiB, woken by each commit, a 1 s safety poll, as the services run it) publishes to Kafka (${kafkaSource}, topic of 3 partitions, acks=all). ` +
      `Consumer (a child process): the platform's \`InboxConsumer\` (what a partition has, up to 100 messages, in one transaction of inbox rows and projection rows; up to three partitions at once). PostgreSQL from ${pgSource}. ` +
      `Open model: commands are scheduled at a fixed rate and each latency runs from its scheduled time to the consumer's commit (so a stalled writer is counted, not omitted). ` +
      `Times are wall-clock milliseconds (performance.timeOrigin + now()) taken in each process on the same machine.`,
  ];
  const rows: string[][] = [];
  for (const l of [...levels, ...saturations]) {
    const s = stages(l.ids, timelines);
    const offered = l.load.ok / Math.max(0.001, l.load.seconds);
    rows.push([
      l.label,
      fmt(offered),
      `${l.applied} / ${l.ids.length}`,
      fmt(percentile(s.endToEnd, 50), 1),
      fmt(percentile(s.endToEnd, 99), 1),
      fmt(percentile(s.commit, 50), 1),
      fmt(percentile(s.relay, 50), 1),
      fmt(percentile(s.kafka, 50), 1),
      fmt(percentile(s.apply, 50), 1),
      fmt(percentile(s.relay, 99), 1),
      fmt(percentile(s.kafka, 99), 1),
      fmt(l.ids.length / Math.max(1, l.relayPasses), 1),
      fmt(l.ids.length / Math.max(1, l.consumerBatches), 1),
    ]);
  }
  out.push(
    markdownTable(
      [
        'load',
        'commits/s',
        'applied',
        'e2e p50 ms',
        'e2e p99 ms',
        'commit p50',
        'outbox→Kafka p50',
        'Kafka→consumer p50',
        'apply p50',
        'outbox→Kafka p99',
        'Kafka→consumer p99',
        'events per relay pass',
        'events per consumer batch',
      ],
      rows,
    ),
  );

  // Where the machine's CPU went, per event: the parts share two cores, so this is what caps the rates.
  out.push(
    markdownTable(
      [
        'load',
        'CPU ms per event: writers + relay (this process)',
        'consumer process',
        'PostgreSQL (all backends)',
        'Kafka broker',
        'all',
      ],
      [...levels, ...saturations].map((l) => {
        const per = (ms: number) => fmt(ms / Math.max(1, l.ids.length), 3);
        const { producer, consumer, postgres, broker } = l.cpu;
        return [
          l.label,
          per(producer),
          per(consumer),
          per(postgres),
          per(broker),
          per(producer + consumer + postgres + broker),
        ];
      }),
    ),
  );

  // Slowest stage per level, by p99.
  const slowest = [...levels, ...saturations].map((l) => {
    const s = stages(l.ids, timelines);
    const byP99 = (Object.keys(STAGE_NAMES) as (keyof typeof STAGE_NAMES)[])
      .map((k) => [k, percentile(s[k], 99)] as const)
      .sort((a, b) => b[1] - a[1]);
    const top = byP99[0];
    return top ? `${l.label}: ${STAGE_NAMES[top[0]]}, p99 ${fmt(top[1], 1)} ms` : '';
  });
  out.push(`Slowest stage (by p99): ${slowest.filter(Boolean).join('; ')}.`);

  // Maximum sustained rate: under closed-loop writers, what was applied per second while they wrote.
  for (const saturation of saturations) {
    const windowMs = saturation.lastSent - saturation.firstSent;
    const appliedInWindow = saturation.ids.filter(
      (id) => (timelines.get(id)?.applied ?? Number.POSITIVE_INFINITY) <= saturation.lastSent,
    ).length;
    const writeRate = saturation.ids.length / (windowMs / 1000);
    const appliedRate = appliedInWindow / (windowMs / 1000);
    const drainAfter =
      saturation.lastAppliedAt !== undefined ? saturation.lastAppliedAt - saturation.lastSent : Number.NaN;
    const kept = appliedRate >= writeRate * 0.95;
    const publishedInWindow = saturation.ids.filter(
      (id) => (timelines.get(id)?.published ?? Number.POSITIVE_INFINITY) <= saturation.lastSent,
    ).length;
    const limiter = kept
      ? 'the writers (the pipeline kept up with everything committed)'
      : publishedInWindow < saturation.ids.length * 0.95
        ? 'the relay (events waited in the outbox)'
        : 'the consumer (events waited in Kafka)';
    out.push(
      `**Maximum sustained rate, ${saturation.label}**: committed ${fmt(writeRate)} events/s for ${fmt(windowMs / 1000, 1)} s; ` +
        `${fmt(appliedRate)} events/s were applied within that window (${fmt(publishedInWindow)} of ${fmt(saturation.ids.length)} published by then), and the rest drained ${fmt(drainAfter)} ms after the writers stopped. ` +
        `Sustained end to end: **${fmt(Math.min(writeRate, appliedRate))} events/s**, limited by ${limiter}.`,
    );
  }

  if (outage) {
    out.push(
      `**Broker outage**: the broker was halted (SIGTERM to its JVM, data kept) for ${fmt(outage.haltedMs / 1000, 1)} s (BENCH_EVENTS_OUTAGE_SECONDS=${OUTAGE_SECONDS} of writing, plus the JVM's shutdown) ` +
        `while ${fmt(OUTAGE_RATE)} commands/s kept committing: ${fmt(outage.written)} events, ${fmt(outage.backlogAtResume)} of them waiting in the outbox just before the broker was restarted ` +
        `(${fmt(outage.publishedDuringOutage)} published during the outage); the broker took ${fmt(outage.resumeMs / 1000, 1)} s to start and answer again. From then: ` +
        `the relay had published the whole backlog after ${outage.publishedAllAfterMs !== undefined ? `${fmt(outage.publishedAllAfterMs)} ms` : 'not all of it'}; ` +
        `the first event was applied after ${outage.firstAppliedAfterMs !== undefined ? `${fmt(outage.firstAppliedAfterMs)} ms` : 'never'}; ` +
        (outage.drainMs !== undefined
          ? `the last after **${fmt(outage.drainMs / 1000, 1)} s** (backlog drain time; ${fmt(outage.written / (outage.drainMs / 1000))} events/s on average, recovery included).`
          : `**${outage.lostOrLate} events were not applied within ${DRAIN_TIMEOUT_MS / 1000} s** (BENCH_EVENTS_DRAIN_TIMEOUT_MS).`) +
        ` The relay backs off up to 5 s between failed passes and the consumer has to find the group coordinator and rejoin, which is part of that time. Redeliveries the consumer's inbox recognised and did not apply again: ${fmt(outage.redelivered)}.`,
    );
  } else out.push(`**Broker outage**: ${outageNote}`);
  return out.join('\n\n');
}
