import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EntitySubscriberInterface } from 'typeorm';
import { SpanStatusCode } from '@opentelemetry/api';
import { SpanKind, startSpan, traceContextOf, traceHeaders } from '@ccsc/platform';
import type { EventTransport } from '../transport/event-transport';
import { APPLIED_AT_SOURCE_HEADER } from '../inbox/applied-at-source';
import { takeOutboxWritten } from './outbox-writer';

export interface RelayOptions {
  /** Names the relay's lock: all replicas of one service share it. */
  service: string;
  batchSize?: number;
  /** How often to look for rows when no commit has woken the relay: the safety net, not the latency. */
  idleMs?: number;
  maxBackoffMs?: number;
  onError?: (error: unknown) => void;
  /** Called with the types of the events of each batch once it is published (for business counters). */
  onPublished?: (types: string[]) => void;
}

/**
 * A row as the relay reads it: the envelope as PostgreSQL renders its jsonb (the same JSON, keys in jsonb's
 * order, with spaces), which is what is sent (parsing it into objects only to serialise it again cost the
 * relay CPU for nothing), with the few fields the headers and the span need read out by PostgreSQL.
 */
interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  type: string;
  envelope: string;
  event_id: string;
  correlationid: string | null;
  traceparent: string | null;
  tracestate: string | null;
  applied_at_source: boolean;
}

/**
 * Publishes committed outbox rows, oldest first, then marks them published: at-least-once.
 *
 * - It reads every unpublished row in position order, never "after the last one seen", so a row
 *   whose transaction committed late is sent on the next pass instead of being skipped.
 * - A commit in this process that wrote events wakes it at once (a TypeORM commit subscriber), so
 *   latency is not the poll's; the poll every `idleMs` finds what other processes committed. Not
 *   PostgreSQL's NOTIFY: committing a notifying transaction takes a lock on the whole server, which
 *   would make every event-writing commit of all five services wait for each other.
 * - Each pass holds a transaction-scoped advisory lock, so of several replicas only one publishes
 *   at a time: no row goes out twice in normal operation and per-aggregate order holds.
 * - If the broker is down the pass fails, the rows stay unpublished, and the relay backs off and
 *   tries again; the service keeps accepting writes meanwhile.
 * - If the process dies between publishing and marking, the rows go out again on restart; the
 *   consumers' inbox makes that harmless.
 */
/** How soon to look again when a commit woke the relay while another replica held the outbox. */
const CONTENDED_RETRY_MS = 25;
/**
 * Rows a pass reads and publishes at most. Under load a pass's round trips, not its rows, are what
 * cost: 500 against 200 let the relay keep up with 16 writers committing 10 events each (event-pipeline
 * bench, docs/benchmarks.md), where 200 left a growing backlog.
 */
const BATCH_SIZE = 500;
/**
 * Bytes of envelopes a pass publishes at most (always at least one row): with the records' keys and
 * headers, still well under the broker's 1 MiB `message.max.bytes` for one partition's batch, however
 * large the events are. The cut is made by PostgreSQL, so only what goes out is sent to the relay.
 */
const MAX_BATCH_BYTES = 512 * 1024;

/** The pg client under a TypeORM query runner: a query of several statements answers with one result each. */
interface RelayClient {
  query(text: string): Promise<unknown>;
}

/** TypeORM's PostgreSQL query runner: given an error, its release makes the pool drop the connection. */
interface RelayRunner {
  connect(): Promise<unknown>;
  releasePostgresConnection(error?: unknown): Promise<void>;
}

type ReadRow = OutboxRow & { read: number };

/**
 * Of the first `limit` unpublished rows, those that fit in MAX_BATCH_BYTES (the first always does), in order;
 * `read` says how many there were, so that the loop knows whether rows wait still.
 */
function readBatch(limit: number): string {
  return `SELECT o.id, o.topic, o.message_key, o.type, o.envelope, o.event_id, o.correlationid,
       o.traceparent, o.tracestate, o.applied_at_source, o.read
     FROM (
       SELECT * FROM (
         SELECT t.*, count(*) OVER ()::int AS read,
           sum(octet_length(t.envelope)) OVER (ORDER BY t.position) AS upto,
           row_number() OVER (ORDER BY t.position) AS n
         FROM (
           -- The rows first (the partial index, in order, at most the limit), then their text: rendering
           -- before the limit would render every waiting row on each pass of a backlog.
           SELECT b.id, b.position, b.topic, b.message_key, b.type, b.envelope::text AS envelope, b.applied_at_source,
             b.envelope->>'id' AS event_id, b.envelope->>'correlationid' AS correlationid,
             b.envelope->>'traceparent' AS traceparent, b.envelope->>'tracestate' AS tracestate
           FROM (
             SELECT id, position, topic, message_key, type, envelope, applied_at_source FROM outbox
             WHERE published_at IS NULL AND current_setting('ccsc.outbox_locked', true) = 'true'
             ORDER BY position LIMIT ${limit}
           ) b
         ) t
       ) c WHERE c.upto <= ${MAX_BATCH_BYTES} OR c.n = 1
     ) o
     ORDER BY o.position`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The rows sent are marked published, and the pass commits, in one round trip. */
function markPublished(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`an outbox id that is not a uuid: ${JSON.stringify(id)}`);
  return `UPDATE outbox SET published_at = now() WHERE id = ANY('{${ids.join(',')}}'::uuid[]); COMMIT`;
}

export class OutboxRelay {
  /** The advisory lock the replicas of a service share (a bigint, as text). */
  readonly lockKey: string;
  private readonly batchSize: number;
  /** The first of a pass's two queries: its transaction, the lock, and the read. */
  private readonly startPass: string;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** Whether a signal may cut the current pause short (an idle wait, not a back-off after a failure). */
  private wakeOnSignal = false;
  /** A commit signalled since the relay last looked: look again before sleeping. */
  private signalled = false;
  /** The last pass found another replica's pass holding the lock. */
  private contended = false;
  /** The last pass left rows behind (it read a full batch, or cut it by bytes): look again at once. */
  private moreWaiting = false;
  private readonly onCommit: EntitySubscriberInterface = {
    afterTransactionCommit: (event) => {
      if (takeOutboxWritten(event.queryRunner)) this.signal();
    },
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: RelayOptions,
  ) {
    this.batchSize = options.batchSize ?? BATCH_SIZE;
    // pg advisory locks take a bigint; a stable hash of the service name gives one per service.
    this.lockKey = BigInt.asIntN(
      64,
      BigInt(`0x${createHash('sha256').update(`outbox:${options.service}`).digest('hex').slice(0, 16)}`),
    ).toString();
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new Error(`the relay's batch size must be a positive integer, not ${this.batchSize}`);
    // The lock first, then the read in a statement of its own. One statement for both would read with a
    // snapshot taken before the lock was won: a pass that won it the moment another replica committed would
    // still see that replica's rows unpublished and send them again (seen under load: every row twice).
    // The lock's outcome is kept for the read as a setting of the transaction: a pass that lost it reads nothing
    // (an index scan never executed) instead of a batch another replica is sending.
    this.startPass =
      `BEGIN; SELECT set_config('ccsc.outbox_locked', pg_try_advisory_xact_lock(${this.lockKey})::text, true) AS locked; ` +
      readBatch(this.batchSize);
  }

  /**
   * Publishes one batch; returns how many rows it sent (0 when idle or another replica holds the lock).
   *
   * Two round trips to PostgreSQL a pass, not five: what a pass says to it goes as simple-protocol queries of
   * several statements (the lock and the read with the transaction's start, the mark with its commit; a pass with
   * nothing to mark rolls back), since on a busy service each round trip cost the relay more than its rows did
   * (docs/decisions.md "The relay's pass is two round trips"). Each statement still takes its own snapshot (READ COMMITTED), so the read sees
   * everything committed before the lock was won. Nothing in those queries comes from outside: the lock key,
   * the limits and the ids (uuids PostgreSQL itself rendered, checked again) are written in as literals, which
   * the simple protocol requires.
   */
  async relayOnce(): Promise<number> {
    const runner = this.dataSource.createQueryRunner() as unknown as RelayRunner;
    let broken: unknown;
    try {
      const client = (await runner.connect()) as RelayClient;
      let committed = false;
      try {
        const [, lock, read] = (await client.query(this.startPass)) as [
          unknown,
          { rows: { locked: string }[] },
          { rows: ReadRow[] },
        ];
        // A pass that lost the lock to another replica read nothing.
        this.contended = lock.rows[0]?.locked !== 'true';
        const rows = read.rows;
        // Rows may be waiting still: a full read, or one cut short by its bytes.
        const waiting = rows[0]?.read ?? 0;
        this.moreWaiting = waiting === this.batchSize || rows.length < waiting;
        if (rows.length === 0) return 0;
        const mark = markPublished(rows.map((r) => r.id));
        await this.publish(rows);
        await client.query(mark);
        committed = true;
        this.options.onPublished?.(rows.map((r) => r.type));
        return rows.length;
      } finally {
        // A pass that did not commit (nothing to send, another replica's turn, the broker or the database failed)
        // rolls back, its rows left for the next one; a connection that cannot even roll back is not given back
        // to the pool.
        if (!committed)
          await client.query('ROLLBACK').catch((error: unknown) => {
            broken = error;
          });
      }
    } finally {
      await runner.releasePostgresConnection(broken);
    }
  }

  private async publish(rows: readonly OutboxRow[]): Promise<void> {
    // One producer span per event, in the trace of the command that wrote it.
    const outgoing = rows.map((row) => ({
      row,
      ...startSpan(`publish ${row.topic}`, {
        kind: SpanKind.PRODUCER,
        service: this.options.service,
        parent: traceContextOf(row),
        attributes: {
          'messaging.system': this.transport.name,
          'messaging.destination.name': row.topic,
          'messaging.message.id': row.event_id,
          'ccsc.event.type': row.type,
        },
      }),
    }));
    try {
      await this.transport.publish(
        outgoing.map(({ row, context }) => ({
          topic: row.topic,
          key: row.message_key,
          value: row.envelope,
          headers: {
            'ce-id': row.event_id,
            'ce-type': row.type,
            ...(row.correlationid ? { 'x-correlation-id': row.correlationid } : {}),
            ...(row.applied_at_source ? { [APPLIED_AT_SOURCE_HEADER]: 'true' } : {}),
            ...traceHeaders(context),
          },
        })),
      );
    } catch (error) {
      for (const { span } of outgoing)
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
      throw error;
    } finally {
      for (const { span } of outgoing) span.end();
    }
  }

  start(): void {
    this.stopping = false;
    if (!this.dataSource.subscribers.includes(this.onCommit)) this.dataSource.subscribers.push(this.onCommit);
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    const at = this.dataSource.subscribers.indexOf(this.onCommit);
    if (at >= 0) this.dataSource.subscribers.splice(at, 1);
  }

  /** Wakes the relay now: another batch may be waiting. */
  signal(): void {
    this.signalled = true;
    if (this.wakeOnSignal) this.wake?.();
  }

  async backlog(): Promise<{ unpublished: number; oldestAgeSeconds: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS unpublished, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS age
       FROM outbox WHERE published_at IS NULL`,
    )) as [{ unpublished: number; age: number }];
    return { unpublished: row.unpublished, oldestAgeSeconds: Math.round(row.age) };
  }

  private async loop(): Promise<void> {
    const idle = this.options.idleMs ?? 1_000;
    let backoff = idle;
    while (!this.stopping) {
      const woken = this.signalled;
      this.signalled = false;
      let failed = false;
      try {
        await this.relayOnce();
        backoff = idle;
      } catch (error) {
        failed = true;
        this.options.onError?.(error);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 5_000);
      }
      if (this.stopping) break;
      // A broker or database outage: back off, however many commits come in meanwhile.
      if (failed) await this.pause(backoff, false);
      // Another replica was mid-pass and may have read before our commit: look again shortly.
      else if (this.contended && woken) await this.pause(CONTENDED_RETRY_MS, false);
      // A pass that left nothing behind took all that was committed when it read; a commit since then has
      // signalled. (Looking again at once cost an empty pass after every publish.)
      else if (!this.moreWaiting && !this.signalled) await this.pause(idle, true);
    }
  }

  private async pause(ms: number, wakeOnSignal: boolean): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeOnSignal = wakeOnSignal;
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
    this.wakeOnSignal = false;
  }
}
