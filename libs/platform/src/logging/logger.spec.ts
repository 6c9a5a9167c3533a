import { Writable } from 'node:stream';
import pino from 'pino';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inSpan, SpanKind, startTracing } from '../tracing/tracing';
import { baseLoggerOptions } from './logger';

describe('JSON logs', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    baseLoggerOptions('cases', 'info'),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );

  beforeAll(() => startTracing({ processors: [new SimpleSpanProcessor(new InMemorySpanExporter())] }));

  it('carry the trace of the work they log, and redact personal fields', async () => {
    let traceId = '';
    await inSpan('work', { kind: SpanKind.INTERNAL, service: 'cases' }, async () => {
      traceId = trace.getActiveSpan()!.spanContext().traceId;
      logger.info({ party: { name: 'Alex Smith', role: 'claimant' } }, 'party added');
    });
    logger.info('outside any trace');
    expect(lines[0]).toMatchObject({ service: 'cases', msg: 'party added', traceId, party: { name: '[redacted]', role: 'claimant' } });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1]).not.toHaveProperty('traceId');
  });
});
