import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createTestTopic, describeKafka, kafkaBrokers } from './kafka-test';

interface Received {
  key: string;
  seq: number;
  partition: number;
}

describeKafka('the test run’s Kafka broker', () => {
  const keys = ['case-1', 'case-2', 'case-3', 'case-4', 'case-5', 'case-6'];
  const perKey = 20;

  it('delivers every keyed message, one key’s messages in order on one partition', async () => {
    const brokers = kafkaBrokers()!;
    const topic = await createTestTopic(brokers, 'broker-check');
    const kafka = new Kafka({ clientId: 'broker-check', brokers, logLevel: logLevel.ERROR });

    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    for (let seq = 0; seq < perKey; seq += 1) {
      await producer.send({ topic, acks: -1, messages: keys.map((key) => ({ key, value: String(seq) })) });
    }
    await producer.disconnect();

    const received: Received[] = [];
    const consumer = kafka.consumer({ groupId: `${topic}-group`, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const all = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ partition, message }) => {
            received.push({ key: String(message.key), seq: Number(String(message.value)), partition });
            if (received.length === keys.length * perKey) resolve();
          },
        });
      });
      await all;
    } finally {
      await consumer.disconnect();
    }

    expect(received).toHaveLength(keys.length * perKey);
    for (const key of keys) {
      const ofKey = received.filter((message) => message.key === key);
      expect(ofKey.map((message) => message.seq)).toEqual([...Array(perKey).keys()]);
      expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
    }
    // Six keys over three partitions: the check above would prove little if all had landed on one.
    expect(new Set(received.map((message) => message.partition)).size).toBeGreaterThan(1);
  });
});
