// The platform's one vocabulary of failures. Domain and application code throw these; the edge
// (exception filter for REST, formatError for GraphQL) turns them into problem+json or extensions.code.

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export interface FieldError {
  /** Path of the offending input, e.g. `parties.0.name`. */
  field: string;
  message: string;
}

export const errorCatalogue: Record<ErrorCode, { status: number; title: string; slug: string }> = {
  BAD_USER_INPUT: { status: 400, title: 'Invalid input', slug: 'invalid-input' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required', slug: 'unauthenticated' },
  FORBIDDEN: { status: 403, title: 'Not allowed', slug: 'forbidden' },
  NOT_FOUND: { status: 404, title: 'Not found', slug: 'not-found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed', slug: 'method-not-allowed' },
  CONFLICT: { status: 409, title: 'Conflict', slug: 'conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large', slug: 'payload-too-large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type', slug: 'unsupported-media-type' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests', slug: 'too-many-requests' },
  BAD_GATEWAY: { status: 502, title: 'A service behind the gateway did not answer', slug: 'bad-gateway' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable for a moment', slug: 'service-unavailable' },
  INTERNAL_SERVER_ERROR: { status: 500, title: 'Internal error', slug: 'internal' },
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, fieldErrors: FieldError[] = []) {
    super('BAD_USER_INPUT', message, fieldErrors);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'A valid bearer token is required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}
