import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { startTracing } from '@ccsc/platform';
import { bearer, describeKafka, eventually, kafkaBrokers } from '@ccsc/testing';
import type { CreateCaseInput } from './generated/graphql/graphql';
import { graphql, sendGraphQL } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';

const CREATE = graphql(`
  mutation TracedCreate($input: CreateCaseInput!) {
    createCase(input: $input) {
      id
    }
  }
`);

// One trace from the client's mutation to the consumer that applies its event: gateway, subgraph,
// outbox relay (producer) and consumer, across HTTP and Kafka headers.
describeKafka('a traced mutation, across Kafka', () => {
  const spans = new InMemorySpanExporter();
  let platform: RunningPlatform;

  beforeAll(async () => {
    // Before any app starts: the process's one provider records into memory.
    startTracing({ processors: [new SimpleSpanProcessor(spans)] });
    platform = await startTestPlatform({
      services: [],
      env: { KAFKA_BROKERS: kafkaBrokers()!.join(','), OUTBOX_POLL_MS: '50' },
    });
  });
  afterAll(() => platform.stop());

  it('shows the gateway, the subgraph, the relay and the consumer in one trace', async () => {
    const input: CreateCaseInput = {
      caseType: 'civil-money-claim',
      parties: [
        { role: 'claimant', kind: 'person', name: 'Alex Claimant', email: 'alex@example.com', representedBy: 'org-a' },
        { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
      ],
    };
    const created = await sendGraphQL(platform.gatewayUrl, CREATE, { input }, await bearer('caseworker'));
    const caseId = created.body.data!.createCase.id;

    const trace = await eventually(async () => {
      const gatewaySpan = spans
        .getFinishedSpans()
        .find((s) => s.attributes['ccsc.service'] === 'gateway' && s.name === 'POST /graphql');
      expect(gatewaySpan).toBeDefined();
      const inTrace = spans
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === gatewaySpan!.spanContext().traceId);
      expect(inTrace.find((s) => s.name === 'process cases.case-created.v1')).toBeDefined();
      return inTrace;
    }, 60_000);

    const one = (predicate: (s: ReadableSpan) => boolean, what: string) => {
      const found = trace.filter(predicate);
      expect({ what, count: found.length }).toEqual({ what, count: 1 });
      return found[0]!;
    };
    const edge = one(
      (s) => s.attributes['ccsc.service'] === 'gateway' && s.kind === SpanKind.SERVER,
      'gateway server span',
    );
    const subgraph = one(
      (s) =>
        s.attributes['ccsc.service'] === 'cases' && s.kind === SpanKind.SERVER && s.name.startsWith('POST /graphql'),
      'cases server span',
    );
    const publish = one(
      (s) => s.kind === SpanKind.PRODUCER && s.attributes['ccsc.event.type'] === 'cases.case-created.v1',
      'relay producer span',
    );
    const consume = one(
      (s) => s.kind === SpanKind.CONSUMER && s.name === 'process cases.case-created.v1',
      'consumer span',
    );

    expect(publish.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'ccsc.cases.events',
    });
    // Parentage: the consumer continues the producer, which continues the subgraph request, which the gateway started.
    expect(consume.parentSpanId).toBe(publish.spanContext().spanId);
    const byId = new Map(trace.map((s) => [s.spanContext().spanId, s]));
    const ancestors = (s: ReadableSpan): ReadableSpan[] =>
      s.parentSpanId && byId.get(s.parentSpanId)
        ? [byId.get(s.parentSpanId)!, ...ancestors(byId.get(s.parentSpanId)!)]
        : [];
    expect(ancestors(publish)).toContain(subgraph);
    expect(ancestors(subgraph)).toContain(edge);
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
