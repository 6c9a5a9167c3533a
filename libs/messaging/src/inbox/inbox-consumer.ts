import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopic, EventEnvelope, eventTypeOf, parseEnvelope, ServiceName } from '@ccsc/contracts';
import { inSpan, SpanKind, traceContextOf } from '@ccsc/platform';
import type { ConsumedMessage, EventTransport, Subscription } from '../transport/event-transport';

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

/**
 * Applies other services' events exactly once in effect: each event is recorded in the inbox and
 * applied in ONE transaction, so a redelivery finds its id and does nothing. A failing handler is
 * retried with backoff, a bounded number of times, then the event goes to the service's
 * dead-letter topic with the error and is marked so in the inbox (a replay may apply it later).
 */
export class InboxConsumer {
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
      // A consumer span per message, continuing the trace the relay put in its headers.
      handle: (message, heartbeat) =>
        inSpan(
          `process ${message.headers['ce-type'] ?? message.topic}`,
          {
            kind: SpanKind.CONSUMER,
            service: this.options.service,
            parent: traceContextOf(message.headers),
            attributes: { 'messaging.destination.name': message.topic, 'messaging.consumer.group.name': this.groupId, 'messaging.message.id': message.headers['ce-id'] ?? '' },
          },
          async () => void (await this.handle(message, heartbeat)),
        ),
    });
  }

  /** Deals with one delivered message; exported for tests and the replay tool. */
  async handle(message: ConsumedMessage, heartbeat: () => Promise<void> = async () => undefined): Promise<Outcome> {
    let event: EventEnvelope;
    try {
      event = parseEnvelope(message.value, { maxSkewMs: this.options.maxClockSkewMs });
    } catch (error) {
      return this.deadLetter(message, undefined, error);
    }
    const definition = eventTypeOf(event.type);
    if (!definition) {
      if ((this.options.unknownTypes ?? 'skip') === 'dead-letter') return this.deadLetter(message, event, new Error(`Unknown event type ${event.type}`));
      await this.record(event, 'skipped', `unknown type or version ${event.type}`);
      this.options.logger?.warn({ eventId: event.id, type: event.type }, 'skipped an event of an unknown type or version');
      return 'skipped';
    }
    // A type names its publisher, and only that publisher may write its topic (the brokers' ACLs): an
    // envelope claiming another source, or travelling on another service's topic, is not its event.
    if (event.source !== definition.source) return this.deadLetter(message, event, new Error(`${event.type} comes from ${definition.source}, not ${event.source}`));
    if (message.topic !== definition.topic) {
      return this.deadLetter(message, event, new Error(`${event.type} travels on ${definition.topic}, not ${message.topic}`));
    }
    const handler = this.options.handlers[event.type];
    // A known event on a topic the service reads for others of its events: nothing to do, as expected.
    if (!handler) {
      await this.record(event, 'skipped', `not handled by ${this.options.service}`);
      return 'skipped';
    }
    const problems = definition.check(event.data);
    if (problems.length) return this.deadLetter(message, event, new Error(`Invalid ${event.type}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`));

    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        return await this.apply(event, handler);
      } catch (error) {
        lastError = error;
        if (attempt < this.maxAttempts) {
          await heartbeat();
          await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
        }
      }
    }
    return this.deadLetter(message, event, lastError);
  }

  private apply(event: EventEnvelope, handler: EventHandler): Promise<Outcome> {
    return this.dataSource.transaction(async (manager) => {
      // A dead-lettered event may come back through a replay: then it is applied after all.
      const inserted = (await manager.query(
        `INSERT INTO inbox (event_id, type, status) VALUES ($1, $2, 'applied')
         ON CONFLICT (event_id) DO UPDATE SET status = 'applied', error = NULL, updated_at = now()
           WHERE inbox.status = 'dead-lettered'
         RETURNING event_id`,
        [event.id, event.type],
      )) as unknown[];
      if (inserted.length === 0) return 'duplicate';
      await handler(event, manager);
      return 'applied';
    });
  }

  private async deadLetter(message: ConsumedMessage, event: EventEnvelope | undefined, error: unknown): Promise<Outcome> {
    const reason = error instanceof Error ? error.message : String(error);
    this.options.logger?.error({ eventId: event?.id, type: event?.type, topic: message.topic, offset: message.offset, reason }, 'dead-lettered an event');
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
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE status = 'dead-lettered'`)) as [{ n: number }];
    return row.n;
  }
}
