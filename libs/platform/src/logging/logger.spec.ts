import { Writable } from 'node:stream';
import pino, { stdSerializers } from 'pino';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inSpan, SpanKind, startTracing } from '../tracing/tracing';
import { baseLoggerOptions, serializeError } from './logger';

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
    expect(lines[0]).toMatchObject({
      service: 'cases',
      msg: 'party added',
      traceId,
      party: { name: '[redacted]', role: 'claimant' },
    });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1]).not.toHaveProperty('traceId');
  });

  it('log a database error with its code and names, never its SQL, bind parameters or the values it quotes', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "parties_email_key"'), {
      code: '23505',
      table: 'parties',
      constraint: 'parties_email_key',
      routine: '_bt_check_unique',
      detail: 'Key (email)=(alex@example.com) already exists.',
    });
    const error = Object.assign(new Error(driverError.message), {
      name: 'QueryFailedError',
      query: 'INSERT INTO parties (name, email) VALUES ($1, $2)',
      parameters: ['Alex Smith', 'alex@example.com'],
      driverError,
    });
    logger.error({ err: error }, 'unhandled error');
    const line = lines[lines.length - 1]!;
    expect(line.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      table: 'parties',
      constraint: 'parties_email_key',
    });
    expect(JSON.stringify(line)).not.toMatch(/Alex Smith|alex@example\.com|INSERT INTO|already exists/);
    // pino-http passes its error serializer pino's serialisation of the error (all its fields), not the error.
    const wrapped = JSON.stringify(
      stdSerializers.wrapErrorSerializer(serializeError as (e: object) => Record<string, unknown>)(error),
    );
    expect(wrapped).toContain('23505');
    expect(wrapped).not.toMatch(/Alex Smith|alex@example\.com|INSERT INTO|already exists/);
  });

  it('log any other error with its message and stack', () => {
    logger.error({ err: new TypeError('x is not a function') }, 'unhandled error');
    expect(lines[lines.length - 1]!.err).toMatchObject({
      type: 'TypeError',
      message: 'x is not a function',
      stack: expect.stringContaining('TypeError'),
    });
  });
});
