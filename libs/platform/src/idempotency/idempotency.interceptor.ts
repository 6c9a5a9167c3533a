import { Readable } from 'node:stream';
import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
  Optional,
  StreamableFile,
} from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import { defer, lastValueFrom, Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppError, BadUserInputError, ConflictError, errorCatalogue, ErrorCode, FieldError } from '../errors/app-error';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../errors/problem-details';
import { toAppError } from '../errors/to-app-error';
import { committedInThisRequest } from '../database/request-commits';
import { IdempotencyStore, KeyedRequest, StoredResponse } from './idempotency.store';
import { requestBodyHash } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

export interface IdempotencyOptions {
  /** How long a completed response is replayed for. Default 24 hours. */
  retentionSeconds?: number;
  /**
   * How long an in-progress claim blocks its key. A claim left behind by a crashed process frees
   * itself after this; it must exceed the longest a POST can run (Node's own request timeout is
   * 300 s). Default 10 minutes.
   */
  leaseSeconds?: number;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

const DEFAULT_RETENTION_SECONDS = 24 * 60 * 60;
const DEFAULT_LEASE_SECONDS = 10 * 60;
// Between our claim attempt and our look-up, the holder may give the key back (its handler
// failed) or its lease may run out; then we claim again, a bounded number of times.
const CLAIM_ATTEMPTS = 3;
// Printable ASCII, space to tilde; Node has already trimmed surrounding whitespace.
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;
// Only these are replayed: the rest (dates, request ids, rate-limit counters) belong to the
// response that carries them, not to the original one.
const REPLAYED_HEADERS = ['location', 'content-type'];

interface KeyedHttpRequest extends Request {
  /** Set by the auth middleware; typed loosely here because the platform does not depend on auth. */
  principal?: { sub?: unknown; organisationId?: unknown };
}

/**
 * Whose key it is: the token's subject, and the firm it acts for, if any. The same subject for another firm
 * (a solicitor who moved firms) is another caller, never replayed what was stored for the first. Roles stay
 * out: a token refreshed with a role more or less is the same caller retrying. Without a firm the key is the
 * subject as before, so keys stored before this scope still match. Undefined without a subject.
 */
function callerOf(principal: KeyedHttpRequest['principal']): string | undefined {
  const subject = principal?.sub;
  if (typeof subject !== 'string' || subject === '') return undefined;
  const firm = principal?.organisationId;
  return typeof firm === 'string' && firm !== '' ? JSON.stringify([subject, firm]) : subject;
}

/**
 * How one kind of request is answered: HTTP replays status, headers and body; GraphQL replays the
 * root mutation field's value (or its error), as the resolver first returned it.
 */
interface KeyedTransport {
  replay(stored: StoredResponse): unknown;
  /** What to store for a handler's result, or undefined when it cannot be replayed (the key is given back). */
  stored(body: unknown): StoredResponse | undefined;
  storedFailure(error: unknown): StoredResponse;
}

/**
 * `Idempotency-Key` for partner REST POSTs and GraphQL mutations: a retried request with the same key,
 * from the same caller, with the same body (for GraphQL: the same mutation field and arguments), gets the
 * first answer again (REST with `Idempotent-Replayed: true`) instead of running the command twice. Keys are
 * per caller (the token's subject, with the firm it acts for: `callerOf`). GraphQL takes the key from the same header, or from the request's
 * `extensions.idempotencyKey` (which the gateway forwards as the header); a keyed GraphQL operation holds
 * exactly one mutation field, so that one key names one command.
 *
 * Follows the IETF draft "The Idempotency-Key HTTP Header Field", except that reusing a key for a
 * different request is answered 409, not 422: the platform's error catalogue has no 422, and a
 * different detail tells it apart from "still being processed" (409 in the draft too).
 * Error responses are not stored when nothing committed: a refused command changed nothing, so the key is
 * released and a corrected retry with the same key may run. An error after a commit is stored and replayed.
 *
 * Wiring: a service imports `IdempotencyModule.forRoot()` (it registers this interceptor with
 * APP_INTERCEPTOR and needs the DataSource of PlatformModule's TypeOrmModule) and creates the table
 * from one of its migrations with `createIdempotencyTable(q)`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly store: IdempotencyStore;
  private readonly retentionSeconds: number;
  private readonly leaseSeconds: number;

  constructor(dataSource: DataSource, @Optional() @Inject(IDEMPOTENCY_OPTIONS) options?: IdempotencyOptions) {
    this.store = new IdempotencyStore(dataSource);
    this.retentionSeconds = options?.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
    this.leaseSeconds = options?.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() === 'graphql') return this.interceptMutation(context, next);
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<KeyedHttpRequest>();
    const path = request.originalUrl.split('?')[0];
    if (request.method !== 'POST' || path === '/graphql') return next.handle();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const key = validIdempotencyKey(header);
    if (key instanceof Error) return throwError(() => key);
    // The global auth guard keeps anonymous callers away from POSTs; a @Public one has no caller
    // to scope the key to, so it runs as if no key had been sent.
    const subject = callerOf(request.principal);
    if (subject === undefined) return next.handle();

    const keyed: KeyedRequest = {
      subject,
      key,
      method: request.method,
      path,
      requestHash: requestBodyHash(request.body),
    };
    return defer(() => this.handleKeyed(keyed, httpTransport(http.getResponse<Response>()), next));
  }

  /** A root mutation field of a keyed GraphQL request; everything else runs as it is. */
  private interceptMutation(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo | undefined>();
    if (info?.operation.operation !== 'mutation' || info.parentType !== info.schema.getMutationType()) {
      return next.handle();
    }
    const request = gql.getContext<{ req?: KeyedHttpRequest }>().req;
    const given = request ? graphqlKeyOf(request) : undefined;
    if (given === undefined) return next.handle();
    const key = validIdempotencyKey(given);
    if (key instanceof Error) return throwError(() => key);
    if (info.operation.selectionSet.selections.length !== 1) {
      return throwError(
        () =>
          new BadUserInputError(
            `An ${IDEMPOTENCY_KEY_HEADER} covers one mutation: send one mutation field per request`,
            [{ field: IDEMPOTENCY_KEY_HEADER, message: 'the operation must select exactly one mutation field' }],
          ),
      );
    }
    const subject = callerOf(request?.principal);
    if (subject === undefined) return next.handle();
    const keyed: KeyedRequest = {
      subject,
      key,
      method: 'MUTATION',
      path: info.fieldName,
      requestHash: requestBodyHash(gql.getArgs()),
    };
    return defer(() => this.handleKeyed(keyed, graphqlTransport, next));
  }

  private async handleKeyed(request: KeyedRequest, transport: KeyedTransport, next: CallHandler): Promise<unknown> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const claimId = await this.store.claim(request, this.leaseSeconds);
      if (claimId) return this.runClaimed(request, claimId, transport, next);

      const existing = await this.store.find(request.subject, request.key);
      if (!existing) continue;
      if (
        existing.method !== request.method ||
        existing.path !== request.path ||
        existing.requestHash !== request.requestHash
      ) {
        throw new ConflictError(
          `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request (another body, endpoint or mutation); use a new key for a new request`,
        );
      }
      if (existing.state === 'in-progress') {
        throw new ConflictError(`A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry later`);
      }
      return transport.replay(existing.response);
    }
    throw new ConflictError(`A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry later`);
  }

  private async runClaimed(
    request: KeyedRequest,
    claimId: string,
    transport: KeyedTransport,
    next: CallHandler,
  ): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      // Refused before anything committed: nothing happened, and a corrected retry may use the key. Failed
      // after a commit: the failure is the answer and is replayed, since running the command again would
      // do it twice (as Stripe's idempotency keys do).
      if (committedInThisRequest()) await this.complete(request, claimId, transport.storedFailure(error), 'failure');
      else await this.release(request, claimId);
      throw error;
    }
    const stored = transport.stored(body);
    if (stored) await this.complete(request, claimId, stored, 'response');
    else await this.release(request, claimId);
    return body;
  }

  private async complete(request: KeyedRequest, claimId: string, stored: StoredResponse, what: string): Promise<void> {
    try {
      await this.store.complete(request.subject, request.key, claimId, stored, this.retentionSeconds);
    } catch (error) {
      // The command has happened; failing its response now would invite a retry that runs it again.
      // The key stays in progress until its lease runs out, which answers retries with 409.
      this.logger.error({ err: error }, `could not store an idempotent ${what}`);
    }
  }

  private async release(request: KeyedRequest, claimId: string): Promise<void> {
    try {
      await this.store.release(request.subject, request.key, claimId);
    } catch (error) {
      // The caller must still get the handler's own error; the claim frees itself when its lease ends.
      this.logger.error({ err: error }, 'could not release an idempotency key');
    }
  }
}

/** The key as given, or why not: 1 to 255 printable ASCII characters (a header carries nothing else). */
export function validIdempotencyKey(given: unknown): string | BadUserInputError {
  if (typeof given === 'string' && VALID_KEY.test(given)) return given;
  return new BadUserInputError(`Invalid ${IDEMPOTENCY_KEY_HEADER}`, [
    { field: IDEMPOTENCY_KEY_HEADER, message: 'must be 1 to 255 printable ASCII characters' },
  ]);
}

/** The header, else the GraphQL request's `extensions.idempotencyKey`; undefined when neither is sent. */
function graphqlKeyOf(request: KeyedHttpRequest): unknown {
  const header = request.headers['idempotency-key'];
  if (header !== undefined) return header;
  const extensions = (request.body as { extensions?: unknown } | undefined)?.extensions;
  return extensions !== null && typeof extensions === 'object'
    ? (extensions as { idempotencyKey?: unknown }).idempotencyKey
    : undefined;
}

function httpTransport(response: Response): KeyedTransport {
  return {
    replay(stored) {
      response.status(stored.status);
      for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
      response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return stored.body;
    },
    // A handler that wrote the response itself (@Res without passthrough), or returned a stream,
    // leaves nothing we could replay: the key is given back rather than replaying something else.
    stored(body) {
      if (response.headersSent || !isReplayable(body)) return undefined;
      return { status: response.statusCode, headers: replayedHeaders(response), body };
    },
    storedFailure(error) {
      const correlationId = (response.req as { id?: unknown } | undefined)?.id;
      const problem = problemDetails(
        toAppError(error),
        response.req?.originalUrl,
        correlationId === undefined ? undefined : String(correlationId),
      );
      return { status: problem.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: problem };
    },
  };
}

/**
 * A mutation's value is stored as JSON with its instants marked (`{"$instant": iso}`), so that a replay
 * gives the DateTime scalar the Date it serialises (it answers null for a string); its error as the
 * platform's code, message and field errors, thrown again on replay.
 */
const graphqlTransport: KeyedTransport = {
  replay(stored) {
    const body = stored.body as {
      value?: unknown;
      error?: { code: ErrorCode; message: string; fieldErrors?: FieldError[] };
    };
    if (body.error) throw new AppError(body.error.code, body.error.message, body.error.fieldErrors ?? []);
    return reviveInstants(body.value ?? null);
  },
  stored(value) {
    return { status: 200, headers: {}, body: { value: markInstants(value ?? null) } };
  },
  storedFailure(error) {
    const appError = toAppError(error);
    return {
      status: errorCatalogue[appError.code].status,
      headers: {},
      body: { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } },
    };
  },
};

const INSTANT = '$instant';

function markInstants(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
      // JSON.stringify has already called Date#toJSON on `v`; the holder still has the Date.
      const raw = this[key];
      return raw instanceof Date ? { [INSTANT]: v } : v;
    }),
  );
}

function reviveInstants(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.keys(v);
    const instant = (v as Record<string, unknown>)[INSTANT];
    return entries.length === 1 && typeof instant === 'string' ? new Date(instant) : v;
  });
}

function replayedHeaders(response: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = typeof value === 'number' ? String(value) : value;
  }
  return headers;
}

function isReplayable(body: unknown): boolean {
  return !(body instanceof StreamableFile || body instanceof Readable || Buffer.isBuffer(body));
}
