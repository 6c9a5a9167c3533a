import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type ConsumedMessage,
  type ConsumeOptions,
  type EventTransport,
  MAX_BATCH,
  type Subscription,
  type TransportMessage,
} from './event-transport';

interface Group {
  options: ConsumeOptions;
  /** Runs work in the consumer's own async context (captured when it subscribed), not the publisher's. */
  inConsumerContext: <R>(work: () => R) => R;
  queue: ConsumedMessage[];
  running?: Promise<void>;
  stopped?: boolean;
}

/**
 * The embedded stack's bus: every service in the one `npm start` process shares it. Each consumer
 * group gets every message of its topics published after it subscribed, in publish order (so per key
 * too), one at a time or in batches, and a message whose handler fails is offered again, as Kafka would
 * redeliver it; a group reading `from: 'latest'` is not offered it again (at most once, as on Kafka).
 * It keeps nothing across restarts; the outbox does, so unpublished events are sent again on the next start.
 */
export class InProcessTransport implements EventTransport {
  readonly name = 'in-process' as const;
  private static instance?: InProcessTransport;
  private readonly groups = new Map<string, Group>();
  private offset = 0;

  /** The process-wide bus, so that services started side by side see each other's events. */
  static shared(): InProcessTransport {
    return (InProcessTransport.instance ??= new InProcessTransport());
  }

  /** Topics need no creating on the in-process bus. */
  ensureTopics(): Promise<void> {
    return Promise.resolve();
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    for (const message of messages) {
      const consumed = { ...message, partition: 0, offset: String(this.offset++) };
      for (const group of this.groups.values()) {
        if (group.options.topics.includes(message.topic)) {
          group.queue.push(consumed);
          this.drain(group);
        }
      }
    }
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    // Several services share this bus in one process: a consumer's handlers run as its own service
    // (its logs, its context), not as whichever service's relay published the message.
    const group: Group = { options, inConsumerContext: AsyncLocalStorage.snapshot(), queue: [] };
    this.groups.set(options.groupId, group);
    return {
      stop: async () => {
        this.groups.delete(options.groupId);
        group.stopped = true;
        await group.running;
      },
    };
  }

  lag(groupId: string): Promise<number> {
    return Promise.resolve(this.groups.get(groupId)?.queue.length ?? 0);
  }

  /** Shared by every service in the process: nothing to disconnect. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private drain(group: Group): void {
    group.running ??= group.inConsumerContext(async () => {
      while (group.queue.length > 0 && !group.stopped) {
        const { handle, handleBatch } = group.options;
        // What is queued goes as one batch where the consumer takes batches, as Kafka hands over a fetch.
        const batch = group.queue.slice(0, handleBatch ? MAX_BATCH : 1);
        try {
          if (handleBatch) await handleBatch(batch, async () => undefined);
          else await handle(batch[0], async () => undefined);
          group.queue.splice(0, batch.length);
        } catch {
          if (group.options.from === 'latest') {
            // Read from the end and nothing committed: on Kafka the reading restarts past these.
            group.queue.splice(0, batch.length);
            continue;
          }
          // Redelivery, as after a consumer crash; the inbox makes it harmless.
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
      group.running = undefined;
    });
  }
}
