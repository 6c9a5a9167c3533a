import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eventTopic, EventType, ServiceName } from '@ccsc/contracts';
import { Config, HealthRegistry, Metrics } from '@ccsc/platform';
import { Counter, Gauge } from 'prom-client';
import { kafkaSasl, messagingSettings } from './messaging-config';
import type { EventTransport, Subscription } from './transport/event-transport';
import { PlatformaticKafkaTransport } from './transport/platformatic-kafka.transport';
import { InProcessTransport } from './transport/in-process.transport';
import { OutboxRelay } from './outbox/outbox-relay';
import { UnitOfWork } from './outbox/unit-of-work';
import { EventHandler, InboxConsumer, TypedEventHandler } from './inbox/inbox-consumer';
import { LiveEvents } from './live/live-events';
import { applyOwnEventsAtSource } from './inbox/applied-at-source';

export type MessagingConfig = Config<typeof messagingSettings>;
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

interface MessagingOptions {
  service: ServiceName;
  config: MessagingConfig;
}

/**
 * Where a service's consumers register the events they handle; one consumer group per service.
 * Several handlers of one type run in registration order, in the same inbox transaction.
 */
@Injectable()
export class EventHandlers {
  readonly handlers: Record<string, EventHandler> = {};

  /**
   * `handler` receives the event with its contract's data type: the inbox has checked the data
   * against the contract's schema before any handler runs, so no handler casts `event.data`.
   */
  on<T extends object>(type: EventType<T>, handler: TypedEventHandler<T>): void {
    const typed = handler as EventHandler;
    const previous = this.handlers[type.type];
    this.handlers[type.type] = previous
      ? async (event, manager) => {
          await previous(event, manager);
          await typed(event, manager);
        }
      : typed;
  }
}

/**
 * Starts and stops the relay, the consumer and the live events with the application, and reports them
 * in /health/ready.
 */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  readonly relay: OutboxRelay;
  readonly consumer: InboxConsumer;
  private subscription?: Subscription;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    dataSource: DataSource,
    private readonly handlers: EventHandlers,
    private readonly health: HealthRegistry,
    private readonly metrics: Metrics,
    private readonly live: LiveEvents,
  ) {
    const { service, config } = options;
    // Business counters come from what the service published: cases created, payments taken, ...
    const published = new Counter({
      name: 'ccsc_business_events_total',
      help: 'Domain events published, by event type (cases.case-created.v1, payments.payment-received.v1, ...)',
      labelNames: ['event'],
      registers: [metrics.registry],
    });
    this.relay = new OutboxRelay(dataSource, transport, {
      service,
      idleMs: config.OUTBOX_POLL_MS,
      onError: (error) => this.logger.warn({ err: error }, 'outbox relay pass failed; will retry'),
      onPublished: (types) => {
        for (const event of types) published.inc({ event });
      },
    });
    this.consumer = new InboxConsumer(dataSource, transport, {
      service,
      handlers: handlers.handlers,
      unknownTypes: config.UNKNOWN_EVENTS,
      maxClockSkewMs: config.EVENT_CLOCK_SKEW_MS,
      maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
      backoffMs: config.CONSUMER_BACKOFF_MS,
      logger: this.logger,
    });
    applyOwnEventsAtSource(dataSource, this.consumer);
  }

  onModuleInit() {
    // Informational: a broker outage must not make the service unready, since writes still succeed.
    this.health.register('events', async () => ({
      ok: true,
      details: {
        transport: this.transport.name,
        outbox: await this.relay.backlog(),
        deadLetters: await this.consumer.deadLetterCount(),
        ...(this.consuming() ? { consumerLag: await this.consumerLag() } : {}),
        ...(this.live.following() ? { liveSubscribers: this.live.subscriberCount } : {}),
      },
    }));
    const registers = [this.metrics.registry];
    const relay = this.relay;
    const consumer = this.consumer;
    const lag = () => this.consumerLag();
    new Gauge({
      name: 'ccsc_outbox_unpublished_events',
      help: 'Events committed but not yet published',
      registers,
      async collect() {
        this.set((await relay.backlog()).unpublished);
      },
    });
    new Gauge({
      name: 'ccsc_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished event',
      registers,
      async collect() {
        this.set((await relay.backlog()).oldestAgeSeconds);
      },
    });
    new Gauge({
      name: 'ccsc_dead_letter_events',
      help: 'Events dead-lettered by this service and not applied since',
      registers,
      async collect() {
        this.set(await consumer.deadLetterCount());
      },
    });
    new Gauge({
      name: 'ccsc_consumer_lag_events',
      help: "Events on the consumed topics not yet handled by this service's group",
      registers,
      async collect() {
        this.set(await lag());
      },
    });
  }

  private consuming(): boolean {
    return Object.keys(this.handlers.handlers).length > 0;
  }

  private async consumerLag(): Promise<number> {
    return this.consuming() ? this.transport.lag(this.consumer.groupId, this.consumer.topics()) : 0;
  }

  async onApplicationBootstrap() {
    if (this.options.config.KAFKA_CREATE_TOPICS) {
      const topics = [eventTopic(this.options.service), ...(this.consuming() ? this.consumer.neededTopics() : [])];
      await this.transport
        .ensureTopics(topics)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not create topics yet; the relay retries'));
    }
    this.relay.start();
    if (this.consuming()) this.subscription = await this.consumer.start();
    await this.live.start();
  }

  async beforeApplicationShutdown() {
    // Live subscriptions end first: they hold nothing that needs finishing.
    await this.live.stop();
    await this.subscription?.stop();
    await this.relay.stop();
    await this.transport.close();
  }
}

/**
 * The event machinery of a service: transport (Kafka when KAFKA_BROKERS is set, else the
 * in-process bus), outbox relay, the inbox consumer for the handlers it registers, and the live
 * events its features follow (LiveEvents).
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const { config, service } = options;
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: EVENT_TRANSPORT,
          useFactory: (): EventTransport =>
            config.KAFKA_BROKERS.length > 0
              ? new PlatformaticKafkaTransport({
                  brokers: config.KAFKA_BROKERS,
                  clientId: `ccsc-${service}`,
                  partitions: config.KAFKA_TOPIC_PARTITIONS,
                  replicationFactor: config.KAFKA_REPLICATION_FACTOR,
                  sasl: kafkaSasl(config),
                })
              : InProcessTransport.shared(),
        },
        {
          provide: LiveEvents,
          useFactory: (transport: EventTransport) =>
            new LiveEvents(transport, { service, logger: new Logger('LiveEvents') }),
          inject: [EVENT_TRANSPORT],
        },
        EventHandlers,
        MessagingLifecycle,
        UnitOfWork,
      ],
      exports: [EVENT_TRANSPORT, EventHandlers, LiveEvents, MessagingLifecycle, UnitOfWork],
    };
  }
}
