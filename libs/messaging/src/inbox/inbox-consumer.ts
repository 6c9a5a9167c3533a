import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopic, EventEnvelope, eventTypeOf, parseEnvelope, ServiceName } from '@ccsc/contracts';
import { inSpan, inWorkScope, isDatabaseUnavailable, query, SpanKind, sql, traceContextOf } from '@ccsc/platform';
import type { ConsumedMessage, EventTransport, Subscription } from '../transport/event-transport';
import { APPLIED_AT_SOURCE_HEADER, type SourceApplier } from './applied-at-source';

export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;
/** A handler of one event type, given the event with that type's data. */
export type TypedEventHandler<T extends object> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

export interface InboxConsumerOptions {
  /** The consuming service: names its consumer group and its dead-letter topic. */
  service: ServiceName;
  handlers: Record<string, EventHandler>;
  /** Defaults to the topics of the handled event types. */
  topics?: string[];
  /** Defaults to `ccsc.<service>`: one consumer group per consuming service. */
  groupId?: string;
  /** What to do with a type or version this build does not know: record and move on, or dead-letter. */
  unknownTypes?: 'skip' | 'dead-letter';
  maxAttempts?: number;
  backoffMs?: number;
  /** How far ahead of this clock an event's time may be (`MAX_EVENT_CLOCK_SKEW_MS` by default). */
  maxClockSkewMs?: number;
  logger?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export type Outcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

interface Apply {
  kind: 'apply';
  message: ConsumedMessage;
  event: EventEnvelope;
  handler: EventHandler;
}

interface Settled {
  kind: 'settled';
  settle(): Promise<Outcome>;
}

/**
 * Applies other services' events exactly once in effect: each event is recorded in the inbox and
 * applied in ONE transaction, so a redelivery finds its id and does nothing. A failing handler is
 * retried with backoff, a bounded number of times, then the event goes to the service's
 * dead-letter topic with the error and is marked so in the inbox (a replay may apply it later).
 * The service's own events it handles are applied by the transaction that publishes them (as its
 * `SourceApplier`, outbox-writer.ts); those reach it marked so and are passed over, and the rest (a
 * set-based insert of outbox rows, a handler that failed there) are applied here like any other.
 */
export class InboxConsumer implements SourceApplier {
  readonly groupId: string;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: InboxConsumerOptions,
  ) {
    this.groupId = options.groupId ?? `ccsc.${options.service}`;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? 200;
  }

  topics(): string[] {
    if (this.options.topics) return this.options.topics;
    return [...new Set(Object.keys(this.options.handlers).map((type) => eventTypeOf(type)?.topic ?? type))];
  }

  /** Topics the consumer needs: what it reads and where it parks dead letters. */
  neededTopics(): string[] {
    return [...this.topics(), deadLetterTopic(this.options.service)];
  }

  async start(): Promise<Subscription> {
    return this.transport.consume({
      groupId: this.groupId,
      topics: this.topics(),
      handle: async (message, heartbeat) => void (await this.handle(message, heartbeat)),
      handleBatch: async (messages, heartbeat) => void (await this.handleBatch(messages, heartbeat)),
    });
  }

  /** Deals with one delivered message; exported for tests and the replay tool. */
  async handle(message: ConsumedMessage, heartbeat: () => Promise<void> = async () => undefined): Promise<Outcome> {
    const prepared = this.prepare(message);
    return prepared.kind === 'settled' ? prepared.settle() : this.applyWithRetries(prepared, heartbeat);
  }

  /**
   * Deals with what a partition has in hand, in order. Each run of events to apply goes in ONE
   * transaction with its inbox rows; if any of them fails, the run is undone and its events are
   * applied one by one, so the others still apply and the failing one is retried and then
   * dead-lettered without holding the partition. Events the service has no handler for cost nothing.
   */
  async handleBatch(
    messages: readonly ConsumedMessage[],
    heartbeat: () => Promise<void> = async () => undefined,
  ): Promise<Outcome[]> {
    const prepared = messages.map((message) => this.prepare(message));
    const outcomes: Outcome[] = [];
    for (let start = 0; start < prepared.length;) {
      const first = prepared[start];
      if (first.kind === 'settled') {
        outcomes.push(await first.settle());
        start += 1;
        continue;
      }
      let end = start + 1;
      while (end < prepared.length && prepared[end].kind === 'apply') end += 1;
      const run = prepared.slice(start, end) as Apply[];
      outcomes.push(...(await this.applyRun(run, heartbeat)));
      // The group must hear from a consumer working through a long backlog, or it hands the partition on.
      await heartbeat();
      start = end;
    }
    return outcomes;
  }

  /** What a message calls for: applying with its handler, or an outcome settled without one. */
  private prepare(message: ConsumedMessage): Apply | Settled {
    const settled = (settle: () => Promise<Outcome>): Settled => ({
      kind: 'settled',
      settle: () => this.traced(message, settle),
    });
    let event: EventEnvelope;
    try {
      event = parseEnvelope(message.value, { maxSkewMs: this.options.maxClockSkewMs });
    } catch (error) {
      return settled(() => this.deadLetter(message, undefined, error));
    }
    const definition = eventTypeOf(event.type);
    if (!definition) {
      if ((this.options.unknownTypes ?? 'skip') === 'dead-letter')
        return settled(() => this.deadLetter(message, event, new Error(`Unknown event type ${event.type}`)));
      return settled(async () => {
        await this.record(event, 'skipped', `unknown type or version ${event.type}`);
        this.options.logger?.warn(
          { eventId: event.id, type: event.type },
          'skipped an event of an unknown type or version',
        );
        return 'skipped';
      });
    }
    // A type names its publisher, and only that publisher may write its topic (the brokers' ACLs): an
    // envelope claiming another source, or travelling on another service's topic, is not its event.
    if (event.source !== definition.source)
      return settled(() =>
        this.deadLetter(
          message,
          event,
          new Error(`${event.type} comes from ${definition.source}, not ${event.source}`),
        ),
      );
    if (message.topic !== definition.topic) {
      return settled(() =>
        this.deadLetter(
          message,
          event,
          new Error(`${event.type} travels on ${definition.topic}, not ${message.topic}`),
        ),
      );
    }
    const handler = this.options.handlers[event.type];
    // A known event on a topic the service reads for others of its events: nothing to do and nothing
    // to remember (most of what a service reads is this), so no database write.
    if (!handler) return settled(async () => 'skipped');
    // Its own event, applied with its inbox row by the transaction that published it.
    if (definition.source === this.options.service && message.headers[APPLIED_AT_SOURCE_HEADER] === 'true')
      return settled(async () => 'duplicate');
    const problems = definition.check(event.data);
    if (problems.length)
      return settled(() =>
        this.deadLetter(
          message,
          event,
          new Error(`Invalid ${event.type}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`),
        ),
      );
    return { kind: 'apply', message, event, handler };
  }

  private async applyRun(run: Apply[], heartbeat: () => Promise<void>): Promise<Outcome[]> {
    if (run.length > 1) {
      try {
        return await this.dataSource.transaction((manager) => this.applyAll(run, manager));
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        // One of them failed: fall through to one at a time, where it gets its retries and dead letter.
        await heartbeat();
      }
    }
    const outcomes: Outcome[] = [];
    for (const one of run) outcomes.push(await this.applyWithRetries(one, heartbeat));
    return outcomes;
  }

  private async applyWithRetries(one: Apply, heartbeat: () => Promise<void>): Promise<Outcome> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        const [outcome] = await this.dataSource.transaction((manager) => this.applyAll([one], manager));
        return outcome;
      } catch (error) {
        // The database busy or away is no fault of the event: the delivery fails as a whole and the
        // transport offers it again (from the committed offset), however long that lasts, rather than
        // using up its attempts and dead-lettering a good event.
        if (isDatabaseUnavailable(error)) throw error;
        lastError = error;
        if (attempt < this.maxAttempts) {
          await heartbeat();
          await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
        }
      }
    }
    return this.deadLetter(one.message, one.event, lastError);
  }

  /**
   * Records the events in the inbox and applies those it had not seen, in order, in the caller's
   * transaction. A dead-lettered event may come back through a replay: then it is applied after all.
   */
  private async applyAll(run: readonly Apply[], manager: EntityManager): Promise<Outcome[]> {
    const firsts = new Map(run.map((r) => [r.event.id, r.event.type]));
    const inserted = await query<{ event_id: string }>(
      manager,
      sql`INSERT INTO inbox (event_id, type, status)
          SELECT id, type, 'applied' FROM unnest(${[...firsts.keys()]}::uuid[], ${[...firsts.values()]}::varchar[]) AS e(id, type)
          ON CONFLICT (event_id) DO UPDATE SET status = 'applied', error = NULL, updated_at = now()
            WHERE inbox.status = 'dead-lettered'
          RETURNING event_id`,
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    const outcomes: Outcome[] = [];
    for (const { message, event, handler } of run) {
      if (!fresh.delete(event.id)) {
        outcomes.push('duplicate');
        continue;
      }
      await this.applyOne(event, handler, manager, (work) => this.traced(message, work));
      outcomes.push('applied');
    }
    return outcomes;
  }

  handles(event: EventEnvelope): boolean {
    return event.source === this.options.service && this.options.handlers[event.type] !== undefined;
  }

  /** Applies the service's own events in the transaction that publishes them (which writes their inbox rows). */
  async apply(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      const handler = this.options.handlers[event.type];
      if (handler) await this.applyOne(event, handler, manager, (work) => work());
    }
  }

  /** What the handler changes is the system's, because of this event (the audit trail records it so). */
  private applyOne(
    event: EventEnvelope,
    handler: EventHandler,
    manager: EntityManager,
    around: (work: () => Promise<void>) => Promise<void>,
  ): Promise<void> {
    return inWorkScope(
      {
        operation: `on ${event.type}`,
        causedBy: event.id,
        ...(event.correlationid ? { correlationId: event.correlationid } : {}),
      },
      () => around(() => handler(event, manager)),
    );
  }

  /** A consumer span per message, continuing the trace the relay put in its headers. */
  private traced<T>(message: ConsumedMessage, work: () => Promise<T>): Promise<T> {
    return inSpan(
      `process ${message.headers['ce-type'] ?? message.topic}`,
      {
        kind: SpanKind.CONSUMER,
        service: this.options.service,
        parent: traceContextOf(message.headers),
        attributes: {
          'messaging.destination.name': message.topic,
          'messaging.consumer.group.name': this.groupId,
          'messaging.message.id': message.headers['ce-id'] ?? '',
        },
      },
      work,
    );
  }

  private async deadLetter(
    message: ConsumedMessage,
    event: EventEnvelope | undefined,
    error: unknown,
  ): Promise<Outcome> {
    const reason = error instanceof Error ? error.message : String(error);
    this.options.logger?.error(
      { eventId: event?.id, type: event?.type, topic: message.topic, offset: message.offset, reason },
      'dead-lettered an event',
    );
    await this.transport.publish([
      {
        topic: deadLetterTopic(this.options.service),
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          'x-dead-letter-reason': reason.slice(0, 1000),
          'x-original-topic': message.topic,
          'x-original-partition': String(message.partition),
          'x-original-offset': message.offset,
          'x-consumer-group': this.groupId,
          'x-failed-at': new Date().toISOString(),
        },
      },
    ]);
    if (event) await this.record(event, 'dead-lettered', reason);
    return 'dead-lettered';
  }

  private async record(event: EventEnvelope, status: 'skipped' | 'dead-lettered', error: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO inbox (event_id, type, status, error) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id) DO UPDATE SET status = $3, error = $4, updated_at = now() WHERE inbox.status <> 'applied'`,
      [event.id, event.type, status, error.slice(0, 2000)],
    );
  }

  /** Dead letters recorded by this service and not yet applied by a replay. */
  async deadLetterCount(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM inbox WHERE status = 'dead-lettered'`,
    )) as [{ n: number }];
    return row.n;
  }
}
