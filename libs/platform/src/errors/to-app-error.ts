import { HttpException } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';
import { committedInThisRequest } from '../database/request-commits';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Normalises whatever was thrown (our errors, Nest's HttpExceptions, body-parser's errors) into an
 * AppError. Anything unrecognised is an internal error whose message is never shown to callers:
 * it may hold SQL or personal data.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HttpException) {
    const code = codeByStatus[error.getStatus()];
    if (code) return new AppError(code, messageOf(error.getResponse()) ?? error.message);
  }
  const status = (error as { status?: unknown; type?: unknown } | null)?.status;
  if (typeof status === 'number' && codeByStatus[status] && typeof (error as { type?: unknown }).type === 'string') {
    // body-parser errors (entity.too.large, entity.parse.failed) carry a status and a type.
    const code = codeByStatus[status];
    if (code === 'PAYLOAD_TOO_LARGE') return new AppError(code, 'The request body is larger than this API accepts');
    // Our own body check (verifyJsonDepth) says what it refused; body-parser's messages may quote the body.
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.deep' || type === 'charset.unsupported')
      return new AppError(code, (error as Error).message);
    if (type === 'encoding.unsupported')
      return new AppError(code, 'The request body is compressed in a way this API does not take: gzip, deflate or br');
    return new AppError(code, 'The request body is not valid JSON');
  }
  // A body that does not decompress as its Content-Encoding says: body-parser 2 (the gateway's) passes zlib's
  // own error on, with no status.
  if (isDecompressionError(error))
    return new AppError('BAD_USER_INPUT', 'The request body does not decompress as its Content-Encoding says');
  // Two requests made the same record at the same moment (both checked, neither found it, one inserted):
  // the loser's transaction is undone and the record it would have made exists. Its detail names the key's
  // values (personal data, perhaps), so only the fact is said.
  if (isUniqueViolation(error))
    return new AppError(
      'CONFLICT',
      'A record with the same identity was made at the same moment; read it before trying again',
    );
  // Only while the request has changed nothing: after a commit, "try again" could do it twice.
  if (isDatabaseUnavailable(error) && !committedInThisRequest())
    return new AppError(
      'SERVICE_UNAVAILABLE',
      hasCode(error, TRANSACTION_CONFLICT_CODES)
        ? 'The request met another changing the same records at the same moment and was undone; try again shortly'
        : 'The service cannot reach its database just now; try again shortly',
    );
  return new AppError('INTERNAL_SERVER_ERROR', 'Something went wrong on our side');
}

// pg-pool's words when no connection came within DATABASE_ACQUIRE_TIMEOUT_MS (every one busy), or a new
// one did not connect in that time.
const UNAVAILABLE_MESSAGES = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
]);
// The server refused or dropped the connection: not running, restarting, or out of connection slots.
// Connection refused or unresolved; too many connections (53300); shut down by an administrator (57P01);
// starting up (57P03); and the transaction chosen to end a deadlock (40P01) or to keep transactions
// serialisable (40001): nothing of it was committed, and the same work succeeds when tried again.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  '53300',
  '57P01',
  '57P03',
  '40P01',
  '40001',
]);

/** The error and, as TypeORM wraps a query's failure, the driver's error beneath it. */
function causesOf(error: unknown): Error[] {
  return [error, (error as { driverError?: unknown } | null)?.driverError].filter(
    (cause): cause is Error => cause instanceof Error,
  );
}

/** Whether PostgreSQL (or the connection) gave the error, or the one it wraps, one of these codes. */
function hasCode(error: unknown, codes: ReadonlySet<string>): boolean {
  return causesOf(error).some((cause) => {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && codes.has(code);
  });
}

/**
 * A database that is busy or away for a moment, not a bug: answered 503 with Retry-After, not 500, and a
 * consumer's delivery fails as a whole to be offered again, without using up the event's attempts.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causesOf(error).some((cause) => UNAVAILABLE_MESSAGES.has(cause.message)) || hasCode(error, UNAVAILABLE_CODES);
}

/** A transaction PostgreSQL ended to break a deadlock (40P01) or keep transactions serialisable (40001). */
const TRANSACTION_CONFLICT_CODES = new Set(['40P01', '40001']);

const UNIQUE_VIOLATION = new Set(['23505']);

/** PostgreSQL's unique_violation (23505), as TypeORM wraps it or as pg raises it. */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, UNIQUE_VIOLATION);
}

function messageOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

/** zlib's error for a stream it cannot inflate (Z_DATA_ERROR, Z_BUF_ERROR...) or brotli's (ERR__ERROR_FORMAT_...). */
function isDecompressionError(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return typeof code === 'string' && typeof errno === 'number' && /^(Z_|ERR__ERROR_)/.test(code);
}
