import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { EventEnvelope, EventType, parseEnvelope, ServiceName } from '@ccsc/contracts';
import type { ConsumedMessage, EventTransport, Subscription } from '../transport/event-transport';
import { LiveQueue, LIVE_QUEUE_CAPACITY } from './live-queue';

export interface LiveEventsOptions {
  /** The service whose replica this is: names the consumer group (`ccsc.<service>.live.<host>.<pid>.<random>`). */
  service: ServiceName;
  /** Most events held for a subscriber that has not taken them; older ones are dropped first. */
  capacity?: number;
  /** After the consumer could not start (the broker away), the wait before trying again. */
  retryMs?: number;
  logger?: { warn(obj: object, msg: string): void };
}

interface Subscriber {
  filter: (event: EventEnvelope) => boolean;
  queue: LiveQueue<EventEnvelope>;
}

/**
 * Follows event types live on this replica and fans each event out to the local subscribers that
 * want it (a GraphQL subscription, say). Every replica has a consumer group of its own, read from the
 * end of the topics (`from: 'latest'`), so every replica sees every event whichever replica's request
 * caused it. Nothing is written to the inbox and nothing committed: delivery is at most once (an event
 * that arrives while the consumer restarts, or that a slow subscriber falls too far behind for, is not
 * delivered), which is enough for a notification whose data stays queryable.
 *
 * A feature calls `follow` for the types it offers while the application initialises (onModuleInit);
 * MessagingLifecycle starts the consumer when the application starts and stops it, ending every
 * subscription, when it stops.
 */
export class LiveEvents {
  readonly groupId: string;
  private readonly followed = new Map<string, EventType<object>>();
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private subscription?: Subscription;
  private connecting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private started = false;
  private stopped = false;

  constructor(
    private readonly transport: EventTransport,
    private readonly options: LiveEventsOptions,
  ) {
    this.groupId = `ccsc.${options.service}.live.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}`;
  }

  /** Offers `type` to subscribers; called before the application starts. */
  follow(type: EventType<object>): void {
    if (this.followed.has(type.type)) return;
    if (this.started) throw new Error(`follow ${type.type} before the application starts`);
    this.followed.set(type.type, type);
  }

  /** Whether any type is followed (no consumer runs otherwise). */
  following(): boolean {
    return this.followed.size > 0;
  }

  /** Local subscribers at this moment. */
  get subscriberCount(): number {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  /**
   * The events of `type` from now on that `filter` accepts, as an async iterator that ends when it is
   * returned or the application stops. The type must be followed.
   */
  subscribe<T extends object>(
    type: EventType<T>,
    filter: (event: EventEnvelope<T>) => boolean = () => true,
  ): AsyncIterableIterator<EventEnvelope<T>> {
    if (!this.followed.has(type.type)) throw new Error(`${type.type} is not followed: call follow() at start-up`);
    let set = this.subscribers.get(type.type);
    if (!set) this.subscribers.set(type.type, (set = new Set()));
    const subscriber: Subscriber = {
      filter: filter as (event: EventEnvelope) => boolean,
      queue: new LiveQueue<EventEnvelope>(() => set.delete(subscriber), this.options.capacity ?? LIVE_QUEUE_CAPACITY),
    };
    if (this.stopped) subscriber.queue.end();
    else set.add(subscriber);
    return subscriber.queue as unknown as AsyncIterableIterator<EventEnvelope<T>>;
  }

  /**
   * Starts following from the end of the followed types' topics; resolves once the consumer is in place
   * (what is published after that reaches the subscribers) or could not start, in which case it tries
   * again in the background until stopped.
   */
  async start(): Promise<void> {
    if (this.started || this.stopped || !this.following()) return;
    this.started = true;
    await this.connect();
  }

  /** Stops the consumer and ends every subscription. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    for (const set of this.subscribers.values()) for (const { queue } of [...set]) queue.end();
    await this.connecting;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /** Hands one consumed message to the subscribers that want it; anything unexpected is passed over. */
  deliver(message: ConsumedMessage): void {
    // Nobody listening, nothing to parse: most of the time no one is.
    if (this.subscriberCount === 0) return;
    let event: EventEnvelope;
    try {
      event = parseEnvelope(message.value);
    } catch {
      return;
    }
    const type = this.followed.get(event.type);
    const set = this.subscribers.get(event.type);
    if (!set || set.size === 0) return;
    // As the inbox: an event counts only from its publisher, on its publisher's topic, with valid data.
    if (!type || event.source !== type.source || message.topic !== type.topic || type.check(event.data).length > 0)
      return;
    for (const subscriber of set) {
      let wanted = false;
      try {
        wanted = subscriber.filter(event);
      } catch {
        // A filter that fails wants nothing.
      }
      if (wanted) subscriber.queue.push(event);
    }
  }

  private topics(): string[] {
    return [...new Set([...this.followed.values()].map((type) => type.topic))];
  }

  private connect(): Promise<void> {
    this.connecting = (async () => {
      try {
        const subscription = await this.transport.consume({
          groupId: this.groupId,
          topics: this.topics(),
          from: 'latest',
          handle: async (message) => this.deliver(message),
          handleBatch: async (messages) => {
            for (const message of messages) this.deliver(message);
          },
        });
        if (this.stopped) await subscription.stop();
        else this.subscription = subscription;
      } catch (error) {
        if (this.stopped) return;
        this.options.logger?.warn({ err: error }, 'could not start following live events; trying again');
        this.retry = setTimeout(() => void this.connect(), this.options.retryMs ?? 5_000);
      }
    })();
    return this.connecting;
  }
}
