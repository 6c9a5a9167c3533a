import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { BasicTracerProvider, SpanProcessor } from '@opentelemetry/sdk-trace-base';

// OpenTelemetry tracing, by hand at the few places a request crosses a boundary: into a service
// over HTTP, into the outbox, onto Kafka, into a consumer. The W3C `traceparent` travels in HTTP
// headers, in the event envelope (CloudEvents' distributed-tracing extension) and in Kafka headers.

export { SpanKind };

let propagationOn = false;
let provider: BasicTracerProvider | undefined;

/** Context and propagation are always on, so a trace id from upstream is passed on even when nothing is recorded here. */
function enablePropagation(): void {
  if (propagationOn) return;
  propagationOn = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

export interface TracingOptions {
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: spans are exported there by OTLP/HTTP (`/v1/traces`). */
  otlpEndpoint?: string;
  /** Instead of the exporter; tests pass an in-memory one. */
  processors?: SpanProcessor[];
  /** The process's `service.name`; a container runs one service, `npm start` runs them all as `ccsc`. */
  serviceName?: string;
}

/**
 * Starts recording spans, once per process (the services of `npm start` or of a test share one
 * provider; each span names its service in `ccsc.service`). Without an endpoint or processors it
 * only propagates.
 */
export function startTracing(options: TracingOptions = {}): void {
  enablePropagation();
  if (provider) return;
  if (!options.processors?.length && !options.otlpEndpoint) return;
  // The SDK and the OTLP exporter load only when spans are recorded: a process that only propagates (the
  // default, with no endpoint) is about 6 MB smaller without them (docs/decisions.md, issue 18).
  const { BasicTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { Resource } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const otlp = () => {
    const { OTLPTraceExporter } =
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    const url = `${(options.otlpEndpoint as string).replace(/\/$/, '')}/v1/traces`;
    return [new BatchSpanProcessor(new OTLPTraceExporter({ url }))];
  };
  const processors = options.processors?.length ? options.processors : otlp();
  provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': options.serviceName ?? 'ccsc' }),
    spanProcessors: processors,
  });
  trace.setGlobalTracerProvider(provider);
}

/** Flushes and stops the provider (on shutdown, so the last spans are exported). */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
}

const tracer = () => trace.getTracer('ccsc');

/** The W3C trace headers of the current context (empty when there is no trace). */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

/** The trace context carried by headers or an envelope (`traceparent`, `tracestate`). */
export function traceContextOf(carrier: object | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

export interface SpanOptions {
  kind: SpanKind;
  service: string;
  /** Defaults to the active context. */
  parent?: Context;
  attributes?: Attributes;
}

/** Runs `work` in a new active span, which records a failure and ends when the work does. */
export async function inSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind, attributes: { 'ccsc.service': options.service, ...options.attributes } },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** A span the caller ends itself (for work that does not fit one promise, such as an HTTP exchange). */
export function startSpan(name: string, options: SpanOptions) {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind, attributes: { 'ccsc.service': options.service, ...options.attributes } },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `fn` with `ctx` active. */
export const withContext = <T>(ctx: Context, fn: () => T): T => context.with(ctx, fn);
