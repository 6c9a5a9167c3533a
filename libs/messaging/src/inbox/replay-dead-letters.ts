import { deadLetterTopic, eventTypeOf, ServiceName } from '@ccsc/contracts';
import type { EventTransport } from '../transport/event-transport';

/**
 * Sends a service's dead letters back to the topics they came from, once whatever made them fail
 * is fixed. Every consumer group sees them again; those that applied them already find them in
 * their inbox and do nothing. Stops when the dead-letter topic has been quiet for `idleMs`.
 * A dead letter goes back only to the topic its event type travels on: the header naming the
 * original topic is the consuming service's word, and must not send an event onto a topic its
 * publisher never wrote (unparseable or unknown ones stay where they are, for a person to look at).
 */
export async function replayDeadLetters(
  transport: EventTransport,
  service: ServiceName,
  idleMs = 3_000,
): Promise<number> {
  let replayed = 0;
  let lastSeen = Date.now();
  const subscription = await transport.consume({
    groupId: `ccsc.${service}.dead-letter-replay`,
    topics: [deadLetterTopic(service)],
    handle: async (message) => {
      const original = message.headers['x-original-topic'];
      if (!original || original !== topicOfType(message.value)) return;
      const headers = Object.fromEntries(
        Object.entries(message.headers).filter(
          ([name]) =>
            !name.startsWith('x-dead-letter') &&
            !name.startsWith('x-original') &&
            !['x-failed-at', 'x-consumer-group'].includes(name),
        ),
      );
      await transport.publish([
        {
          topic: original,
          key: message.key,
          value: message.value,
          headers: { ...headers, 'x-replayed-at': new Date().toISOString() },
        },
      ]);
      replayed++;
      lastSeen = Date.now();
    },
  });
  try {
    while (Date.now() - lastSeen < idleMs) await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    await subscription.stop();
  }
  return replayed;
}

function topicOfType(value: string): string | undefined {
  try {
    const { type } = JSON.parse(value) as { type?: unknown };
    return typeof type === 'string' ? eventTypeOf(type)?.topic : undefined;
  } catch {
    return undefined;
  }
}
