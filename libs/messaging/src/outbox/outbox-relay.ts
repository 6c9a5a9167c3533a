import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Client } from 'pg';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { SpanStatusCode } from '@opentelemetry/api';
import { SpanKind, startSpan, traceContextOf, traceHeaders } from '@ccsc/platform';
import type { EventTransport } from '../transport/event-transport';
import { OUTBOX_CHANNEL } from './outbox-writer';

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

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  type: string;
  envelope: { id: string; type: string; correlationid?: string; traceparent?: string; tracestate?: string };
}

/**
 * Publishes committed outbox rows, oldest first, then marks them published: at-least-once.
 *
 * - It reads every unpublished row in position order, never "after the last one seen", so a row
 *   whose transaction committed late is sent on the next pass instead of being skipped.
 * - A commit that wrote events wakes it at once (`LISTEN` on the outbox channel, which PostgreSQL
 *   delivers only on commit, to every replica); the poll every `idleMs` only covers a lost listener.
 * - Each pass holds a transaction-scoped advisory lock, so of several replicas only one publishes
 *   at a time: no row goes out twice in normal operation and per-aggregate order holds.
 * - If the broker is down the pass fails, the rows stay unpublished, and the relay backs off and
 *   tries again; the service keeps accepting writes meanwhile.
 * - If the process dies between publishing and marking, the rows go out again on restart; the
 *   consumers' inbox makes that harmless.
 */
export class OutboxRelay {
  private readonly lockKey: string;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** A commit signalled since the relay last looked: look again before sleeping. */
  private signalled = false;
  private listener?: Client;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: RelayOptions,
  ) {
    // pg advisory locks take a bigint; a stable hash of the service name gives one per service.
    this.lockKey = BigInt.asIntN(
      64,
      BigInt(`0x${createHash('sha256').update(`outbox:${options.service}`).digest('hex').slice(0, 16)}`),
    ).toString();
  }

  /** Publishes one batch; returns how many rows it sent (0 when idle or another replica holds the lock). */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [this.lockKey])) as [
        { locked: boolean },
      ];
      if (!locked) return 0;
      const rows = (await manager.query(
        'SELECT id, topic, message_key, type, envelope FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1',
        [this.options.batchSize ?? 200],
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      // One producer span per event, in the trace of the command that wrote it.
      const outgoing = rows.map((row) => ({
        row,
        ...startSpan(`publish ${row.topic}`, {
          kind: SpanKind.PRODUCER,
          service: this.options.service,
          parent: traceContextOf(row.envelope),
          attributes: {
            'messaging.system': this.transport.name,
            'messaging.destination.name': row.topic,
            'messaging.message.id': row.envelope.id,
            'ccsc.event.type': row.type,
          },
        }),
      }));
      try {
        await this.transport.publish(
          outgoing.map(({ row, context }) => ({
            topic: row.topic,
            key: row.message_key,
            value: JSON.stringify(row.envelope),
            headers: {
              'ce-id': row.envelope.id,
              'ce-type': row.type,
              ...(row.envelope.correlationid ? { 'x-correlation-id': row.envelope.correlationid } : {}),
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
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    await this.unlisten();
  }

  /** Wakes the relay now: another batch may be waiting. */
  signal(): void {
    this.signalled = true;
    this.wake?.();
  }

  async backlog(): Promise<{ unpublished: number; oldestAgeSeconds: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS unpublished, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS age
       FROM outbox WHERE published_at IS NULL`,
    )) as [{ unpublished: number; age: number }];
    return { unpublished: row.unpublished, oldestAgeSeconds: Math.round(row.age) };
  }

  private async loop(): Promise<void> {
    const idle = this.options.idleMs ?? 100;
    let backoff = idle;
    while (!this.stopping) {
      let sent = 0;
      try {
        await this.listen();
        this.signalled = false;
        sent = await this.relayOnce();
        backoff = idle;
      } catch (error) {
        this.options.onError?.(error);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 5_000);
      }
      if (sent === 0 && !this.signalled && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoff);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  /**
   * Holds a connection of its own (not one of the pool's, which commands need) that LISTENs for
   * commits; a lost connection is replaced on the next pass, which the loss itself triggers.
   */
  private async listen(): Promise<void> {
    const options = this.dataSource.options as PostgresConnectionOptions;
    if (this.listener || options.type !== 'postgres' || !options.url) return;
    const client = new Client({ connectionString: options.url, application_name: 'ccsc-outbox-listener' });
    const lost = () => {
      if (this.listener !== client) return;
      void this.unlisten();
      this.signal();
    };
    client.on('notification', () => this.signal());
    client.on('error', lost);
    client.on('end', lost);
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      await this.unlisten();
      throw error;
    }
  }

  private async unlisten(): Promise<void> {
    const client = this.listener;
    if (!client) return;
    this.listener = undefined;
    client.removeAllListeners('notification');
    // Ending the session ends its LISTEN; a connection already lost ends with an error nobody needs.
    await client.end().catch(() => undefined);
  }
}
