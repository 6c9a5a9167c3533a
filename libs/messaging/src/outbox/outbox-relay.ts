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
 * Rows a pass reads and publishes at most. Under load a pass's five round trips, not its rows, are what
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

export class OutboxRelay {
  private readonly lockKey: string;
  private readonly batchSize: number;
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
  }

  /** Publishes one batch; returns how many rows it sent (0 when idle or another replica holds the lock). */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // The lock first, then the read in a statement of its own. One statement for both would read with a
      // snapshot taken before the lock was won: a pass that won it the moment another replica committed would
      // still see that replica's rows unpublished and send them again (seen under load: every row twice).
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [this.lockKey])) as {
        locked: boolean;
      }[];
      this.contended = !locked;
      if (!locked) {
        this.moreWaiting = false;
        return 0;
      }
      // Of the first `batchSize` rows, those that fit in MAX_BATCH_BYTES go out (the first always does);
      // `read` says how many there were, so that the loop knows whether rows wait still.
      const rows = (await manager.query(
        `SELECT o.id, o.topic, o.message_key, o.type, o.envelope, o.event_id, o.correlationid,
           o.traceparent, o.tracestate, o.applied_at_source, o.read
         FROM (
           SELECT * FROM (
             SELECT t.*, count(*) OVER ()::int AS read,
               sum(octet_length(t.envelope)) OVER (ORDER BY t.position) AS upto,
               row_number() OVER (ORDER BY t.position) AS n
             FROM (
               -- The rows first (the partial index, in order, at most $1), then their text: rendering
               -- before the limit would render every waiting row on each pass of a backlog.
               SELECT b.id, b.position, b.topic, b.message_key, b.type, b.envelope::text AS envelope, b.applied_at_source,
                 b.envelope->>'id' AS event_id, b.envelope->>'correlationid' AS correlationid,
                 b.envelope->>'traceparent' AS traceparent, b.envelope->>'tracestate' AS tracestate
               FROM (
                 SELECT id, position, topic, message_key, type, envelope, applied_at_source FROM outbox
                 WHERE published_at IS NULL ORDER BY position LIMIT $1
               ) b
             ) t
           ) c WHERE c.upto <= $2 OR c.n = 1
         ) o
         ORDER BY o.position`,
        [this.batchSize, MAX_BATCH_BYTES],
      )) as (OutboxRow & { read: number })[];
      // Rows may be waiting still: a full read, or one cut short by its bytes.
      const read = rows[0]?.read ?? 0;
      this.moreWaiting = read === this.batchSize || rows.length < read;
      if (rows.length === 0) return 0;
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
      await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
      this.options.onPublished?.(rows.map((r) => r.type));
      return rows.length;
    });
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
