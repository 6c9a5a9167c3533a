import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { json, type Express } from 'express';
import { IS_PUBLIC } from '../http/public.decorator';
import { completeOpenApiDocument } from './openapi-completion';
import { trackRequestCommits } from '../database/request-commits';
import { workScopeMiddleware } from '../scope/work-scope';
import { assignCorrelationId } from '../logging/logger';
import { isJsonBody, requireJsonBodies } from '../http/json-bodies';
import { HealthRegistry } from '../health/health.registry';
import { SubscriptionConnections } from '../graphql/subscriptions/subscription-connections';
import { httpInstrumentation } from '../http/http-instrumentation';
import { securityHeaders } from '../http/security-headers';
import { Metrics } from '../metrics/metrics';
import { startTracing, stopTracing } from '../tracing/tracing';
import { settleHeapWhenIdle } from './settle-heap';
import { refuseHostileFields, verifyJsonDepth } from '../validation/hostile-input';
import type { ServiceConfig } from '../platform.module';

export interface ServiceAppOptions {
  service: string;
  title: string;
  description: string;
  config: Pick<ServiceConfig, 'NODE_ENV' | 'BODY_LIMIT' | 'OTEL_EXPORTER_OTLP_ENDPOINT'>;
}

/** Beside /health, not under /api/v1/<service>, so it can never clash with a resource id. */
export const OPENAPI_PATH = '/openapi.json';

/** How long a caller has to send a whole request (headers and body): the services' and the gateway's. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Creates a service's Nest application, configured the same way everywhere: JSON logs, traces and
 * request metrics, security headers, a bounded JSON body, no framework banner, and its OpenAPI document at
 * /openapi.json (the gateway merges these into /api/docs).
 */
export async function createServiceApp(rootModule: Type<unknown> | DynamicModule, options: ServiceAppOptions) {
  startTracing({ otlpEndpoint: options.config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: options.service });
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(assignCorrelationId);
  app.use(trackRequestCommits);
  app.use(workScopeMiddleware);
  app.use(httpInstrumentation(options.service, app.get(Metrics).registry));
  app.use(securityHeaders(options.config.NODE_ENV === 'production'));
  // express.json itself: Nest 12 reserves body-parser's `verify` (for raw bodies), which the depth check needs.
  app.use(requireJsonBodies());
  // Parses exactly the bodies requireJsonBodies lets through.
  app.use(json({ limit: options.config.BODY_LIMIT, verify: verifyJsonDepth, type: isJsonBody }));
  app.use(refuseHostileFields());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // Callers (the gateway, load balancers) keep connections alive. Node closes an idle one after 5 s,
  // and a caller reusing it at that moment gets "socket hang up": idle connections are kept longer
  // than any caller keeps them (60 s is the usual load-balancer idle timeout).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A body shorter than its Content-Length held a connection for Node's default five minutes: a request is
  // received whole within REQUEST_TIMEOUT_MS (bodies are at most BODY_LIMIT) or answered 408.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const document = openApiDocument(app, options);
  (app.getHttpAdapter().getInstance() as Express).get(OPENAPI_PATH, (_req, res) => res.json(document));
  return app;
}

export function openApiDocument(app: INestApplication, options: ServiceAppOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Every POST honours Idempotency-Key (IdempotencyModule); say so on each of them.
  for (const path of Object.values(document.paths)) {
    if (!path.post) continue;
    (path.post.parameters ??= []).push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Makes the POST safe to retry: the same key and body return the first result (with `Idempotent-Replayed: true`); the same key with another body is refused with 409.',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  return completeOpenApiDocument(document, publicOperationIds(app));
}

/** The operation ids (`Controller_method`, as @nestjs/swagger names them) of the routes marked @Public. */
function publicOperationIds(app: INestApplication): Set<string> {
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function' || method === 'constructor') continue;
        if (Reflect.getMetadata(IS_PUBLIC, handler) || Reflect.getMetadata(IS_PUBLIC, metatype))
          ids.add(`${metatype.name}_${method}`);
      }
    }
  }
  return ids;
}

/**
 * Runs a service as its own process: listens, and on SIGTERM/SIGINT becomes unready, stops taking
 * connections, closes its subscriptions' WebSocket connections (1001: clients reconnect elsewhere)
 * and lets in-flight requests finish, then stops its consumers and relay and closes its
 * connections, and exits; a hard deadline stops a hang.
 */
export async function runServiceApp(
  app: INestApplication,
  config: Pick<ServiceConfig, 'PORT' | 'HOST' | 'SHUTDOWN_GRACE_MS'>,
) {
  const logger = app.get(Logger);
  // Every module started (consumers, relay, schedules) before the port opens, then the garbage start-up left
  // is collected, and again whenever the service is idle after growing.
  await app.init();
  const stopSettling = settleHeapWhenIdle(({ pauseMs, heapBeforeBytes, heapAfterBytes }) =>
    logger.log({ pauseMs: Math.round(pauseMs), heapBeforeBytes, heapAfterBytes }, 'heap settled'),
  );
  await app.listen(config.PORT, config.HOST);
  logger.log(`listening on ${await app.getUrl()}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    stopSettling();
    logger.log(`${signal} received, shutting down`);
    app.get(HealthRegistry).markShuttingDown();
    setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS).unref();
    // HTTP first, while the database and the relay still work: every request already taken gets
    // its answer (a keep-alive connection is told to close after it), and no new one is taken.
    // Nest's own close would run the modules' shutdown hooks first, with requests still arriving.
    const server = app.getHttpServer() as Server;
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => res.setHeader('connection', 'close'));
    // A connection whose request was taken before the signal goes idle once answered, and would then
    // wait out the keep-alive timeout: idle connections are closed as they appear until none is left.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // The server's close waits for upgraded connections too: subscriptions are told to go elsewhere.
      app.get(SubscriptionConnections).closeAll();
    });
    clearInterval(sweep);
    await app.close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
