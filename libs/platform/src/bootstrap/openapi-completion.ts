// What every operation of a service's OpenAPI document says the same way, added once here instead of by
// hand on each route: the problem+json answers the platform gives on any route (a bad token, a role that
// may not, bad input, a full database...), and an example of each request and success body, assembled from
// the examples its schema's properties carry. A route's own decorators still say what is particular to it
// (a 404's or a 409's description); this keeps their words and adds the schema.
import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorCode, errorCatalogue } from '../errors/app-error';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const PROBLEM_SCHEMA = 'Problem';

const problemSchema = {
  type: 'object',
  description:
    'RFC 9457 problem details: every error the API answers. `code` is stable and the same as `extensions.code` on GraphQL; quote `correlationId` when you report a problem.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'A URN naming the kind of problem.', example: 'urn:ccsc:problem:not-found' },
    title: {
      type: 'string',
      description: 'The kind of problem, in words; the same for every such problem.',
      example: 'Not found',
    },
    status: { type: 'integer', description: 'The HTTP status of the answer.', example: 404 },
    detail: { type: 'string', description: 'What went wrong with this request.', example: 'No such case' },
    instance: {
      type: 'string',
      description: 'The path that was asked for.',
      example: '/api/v1/cases/1234-5678-9012-3452',
    },
    code: {
      type: 'string',
      enum: Object.keys(errorCatalogue),
      description: 'The stable error code.',
      example: 'NOT_FOUND',
    },
    errors: {
      type: 'array',
      description: 'For invalid input: each field that is wrong, and why.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', description: 'Path of the offending input.', example: 'parties.0.name' },
          message: { type: 'string', description: 'What is wrong with it.', example: 'name should not be empty' },
        },
      },
    },
    correlationId: {
      type: 'string',
      description: 'The id of this request in the service centre’s logs and traces.',
      example: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
    },
  },
};

/** When the platform gives each answer, whatever the route does. */
const WHEN: Partial<Record<ErrorCode, string>> = {
  BAD_USER_INPUT: 'The input is invalid: each wrong field is named in `errors`.',
  UNAUTHENTICATED: 'No bearer token, or one that is expired, malformed or not signed by the identity provider.',
  FORBIDDEN: 'Your role, or your relationship to the record, does not allow this.',
  NOT_FOUND: 'No such record, or not one you may see.',
  CONFLICT: 'The record is not in a state that allows this, or the Idempotency-Key was used with another body.',
  PAYLOAD_TOO_LARGE: 'The body is larger than the service accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'A body was sent that is not `application/json`.',
  TOO_MANY_REQUESTS: 'Too many requests from you: wait for the seconds in `Retry-After`.',
  SERVICE_UNAVAILABLE: 'The service cannot answer for a moment; nothing was changed. Retry after `Retry-After`.',
};

function problemExample(code: ErrorCode, detail: string) {
  const entry = errorCatalogue[code];
  return {
    type: `urn:ccsc:problem:${entry.slug}`,
    title: entry.title,
    status: entry.status,
    detail,
    code,
    ...(code === 'BAD_USER_INPUT'
      ? { errors: [{ field: 'parties.0.name', message: 'name should not be empty' }] }
      : {}),
    correlationId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
  };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Operation {
  operationId?: string;
  parameters?: { in?: string; name?: string }[];
  requestBody?: { content?: Record<string, Json> };
  responses?: Record<string, { description?: string; content?: Record<string, Json> }>;
  security?: unknown[];
}

/** The answers an operation can give whatever it does, by what it takes. */
function platformErrors(path: string, method: string, operation: Operation, isPublic: boolean): ErrorCode[] {
  const takesInput = !!operation.requestBody || (operation.parameters ?? []).some((p) => p.name !== 'Idempotency-Key');
  return [
    ...(takesInput ? (['BAD_USER_INPUT'] as const) : []),
    'UNAUTHENTICATED',
    ...(isPublic ? [] : (['FORBIDDEN'] as const)),
    ...(path.includes('{') ? (['NOT_FOUND'] as const) : []),
    // Every POST honours Idempotency-Key, and a key reused with another body is a conflict.
    ...(method === 'post' ? (['CONFLICT'] as const) : []),
    // A body the route does not read is still parsed, and refused when it is not JSON or too large.
    ...(method !== 'get' ? (['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
    'TOO_MANY_REQUESTS',
    'SERVICE_UNAVAILABLE',
  ];
}

const STATUS_CODES = Object.fromEntries(
  Object.entries(errorCatalogue).map(([code, entry]) => [String(entry.status), code as ErrorCode]),
);

/**
 * Adds the shared Problem schema, the platform's error answers (as problem+json, with an example) to every
 * operation, `security: []` on public ones, and assembled examples to request and success bodies.
 */
export function completeOpenApiDocument(document: OpenAPIObject, publicOperationIds: ReadonlySet<string>) {
  const schemas = ((document.components ??= {}).schemas ??= {}) as Json;
  schemas[PROBLEM_SCHEMA] = problemSchema;
  const problemRef = { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const isPublic = !!operation.operationId && publicOperationIds.has(operation.operationId);
      if (isPublic) operation.security = [];
      const responses = (operation.responses ??= {});
      for (const code of platformErrors(path, method, operation, isPublic)) {
        const status = String(errorCatalogue[code].status);
        responses[status] ??= { description: WHEN[code] ?? errorCatalogue[code].title };
      }
      for (const [status, response] of Object.entries(responses)) {
        const code = STATUS_CODES[status];
        if (!code || !/^[45]/.test(status)) continue;
        if (!response.description) response.description = WHEN[code] ?? errorCatalogue[code].title;
        response.content = {
          [PROBLEM_CONTENT_TYPE]: { schema: problemRef, example: problemExample(code, response.description) },
        };
      }
      for (const media of bodiesOf(operation)) {
        if (media.example !== undefined || media.examples !== undefined || !media.schema) continue;
        const example = exampleOf(media.schema, schemas, new Set(), []);
        if (example !== undefined) media.example = example;
      }
    }
  }
  return document;
}

/** The request body's and the success answers' JSON media types. */
function bodiesOf(operation: Operation): Json[] {
  const successes = Object.entries(operation.responses ?? {})
    .filter(([status]) => status.startsWith('2'))
    .map(([, response]) => response.content);
  return [operation.requestBody?.content, ...successes]
    .flatMap((content) => Object.entries(content ?? {}))
    .filter(([type]) => type.includes('json'))
    .map(([, media]) => media);
}

// Formats that say what a value is well enough for one example to serve every property of them. The moments are
// past ones, as most such values record what happened (a property that must lie ahead carries its own example).
const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: '3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f',
  date: '2026-11-30',
  'date-time': '2026-11-30T10:00:00.000Z',
  email: 'sam.taylor@example.com',
  uri: 'https://example.com/callback',
};

/**
 * An example of `schema` from its own and its properties' examples, or undefined when a required value has
 * none (its path goes into `missing`). Optional properties are left out when they have none. A type reached
 * again inside itself is left out, as a recursive example would never end.
 */
export function exampleOf(schema: unknown, schemas: Json, seen: Set<string>, missing: string[], at = ''): unknown {
  if (!isObject(schema)) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop() as string;
    if (seen.has(name)) return undefined;
    return exampleOf(schemas[name], schemas, new Set([...seen, name]), missing, name);
  }
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.find((v) => v !== null) ?? null;
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(schema[key])) continue;
    const options = (schema[key] as Json[]).filter((option) => option.type !== 'null');
    return exampleOf(options[0] ?? schema[key][0], schemas, seen, missing, at);
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => exampleOf(part, schemas, seen, missing, at));
    return parts.some((p) => p === undefined) ? undefined : Object.assign({}, ...parts);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || isObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const example: Json = {};
    let complete = true;
    for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      const own: string[] = [];
      const value = exampleOf(property, schemas, seen, own, `${at}.${name}`);
      if (value !== undefined) example[name] = value;
      else if (required.has(name)) {
        complete = false;
        missing.push(...(own.length ? own : [`${at}.${name}`]));
      }
    }
    return complete ? example : undefined;
  }
  if (type === 'array') {
    const own: string[] = [];
    const item = exampleOf(schema.items, schemas, seen, own, `${at}[]`);
    missing.push(...own);
    // An empty list where the items would be the type itself again.
    return item !== undefined ? [item] : own.length ? undefined : [];
  }
  if (type === 'boolean') return true;
  if (type === 'string' && typeof schema.format === 'string' && FORMAT_EXAMPLES[schema.format])
    return FORMAT_EXAMPLES[schema.format];
  missing.push(at);
  return undefined;
}
