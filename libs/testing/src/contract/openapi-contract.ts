// What an OpenAPI 3.1 document promises about each answer, checked by Ajv (JSON Schema 2020-12, the dialect of
// OpenAPI 3.1's schemas) against the document's own schemas and components. One answer is checked at a time:
// which operation it answered (the path templates, a literal segment before a parameter), whether the document
// lists its status, and whether its body is what that status's media type describes.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** One HTTP answer as the client received it. */
export interface HttpAnswer {
  method: string;
  /** The request's path and query, as sent. */
  url: string;
  status: number;
  contentType?: string;
  body: string;
}

export interface ContractMismatch {
  /** `GET /api/v1/cases/{idOrReference} (CaseController_get)`, or the request itself when no operation matches. */
  operation: string;
  status: number;
  error: string;
  /**
   * `mismatch`: the answer breaks what the document says. `undocumented-error`: an error status the operation
   * does not list (its body still checked against the document's Problem schema); reported, not failed, as a
   * client must take an error it was not told of in its stride.
   */
  kind: 'mismatch' | 'undocumented-error';
}

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Route {
  template: string;
  pattern: RegExp;
  /** 0 for a literal segment, 1 for a parameter: the lowest sorts first, so `/cases/search` wins over `/cases/{id}`. */
  rank: string;
  operations: Record<string, Operation>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** The versioned partner API; other paths (health, metrics, /api/docs itself, GraphQL) are not in the document. */
const VERSIONED_API = /^\/api\/v\d+\//;
const PROBLEM_SCHEMA = '#/components/schemas/Problem';
const DOCUMENT_ID = 'urn:ccsc:contract:openapi';
const MAX_ERRORS = 8;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const pointer = (...segments: string[]) =>
  segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const mediaTypeOf = (contentType?: string) => contentType?.split(';')[0]?.trim().toLowerCase();
const isJson = (mediaType?: string) => !!mediaType && /^application\/(.+\+)?json$/.test(mediaType);

export class OpenApiContract {
  private readonly ajv: Ajv2020;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly hasProblemSchema: boolean;

  constructor(document: Json) {
    if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1'))
      throw new Error(`An OpenAPI 3.1 document is needed to check answers against, not ${String(document.openapi)}`);
    this.ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...closedObjects(document), $id: DOCUMENT_ID });
    this.hasProblemSchema = isObject((document.components as Json | undefined)?.schemas)
      ? 'Problem' in ((document.components as Json).schemas as Json)
      : false;
    this.routes = Object.entries((document.paths ?? {}) as Record<string, Json>)
      .map(([template, item]) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        rank: template
          .split('/')
          .map((segment) => (segment.startsWith('{') ? '1' : '0'))
          .join(''),
        operations: Object.fromEntries(Object.entries(item).filter(([method]) => METHODS.includes(method))) as Record<
          string,
          Operation
        >,
      }))
      .sort((a, b) => a.rank.localeCompare(b.rank));
  }

  /** What is wrong with `answer` by the document: nothing, or each thing it breaks. */
  check(answer: HttpAnswer): ContractMismatch[] {
    const path = decodedPath(answer.url);
    const method = answer.method.toLowerCase();
    const route = this.routes.find((r) => r.pattern.test(path) && r.operations[method]);
    const success = answer.status >= 200 && answer.status < 300;
    const mediaType = mediaTypeOf(answer.contentType);
    if (!route) {
      // A refusal of a route or method that does not exist is what a client should get; a success is not.
      if (!success || !VERSIONED_API.test(path)) return [];
      return [
        this.mismatch(`${answer.method} ${path}`, answer.status, 'answered, but the document has no such operation'),
      ];
    }
    const operation = route.operations[method] as Operation;
    const name = `${answer.method.toUpperCase()} ${route.template}${operation.operationId ? ` (${operation.operationId})` : ''}`;
    const responses = operation.responses ?? {};
    const statusKey = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find((k) => responses[k]);
    const hasBody = answer.body.length > 0;

    if (!statusKey) {
      const listed = Object.keys(responses).join(', ') || 'none';
      if (success) return [this.mismatch(name, answer.status, `status not documented (documented: ${listed})`)];
      // A 500 is always a bug, never an error to document.
      if (answer.status === 500) return [this.mismatch(name, answer.status, 'an internal error (a 500 is a bug)')];
      return [
        {
          operation: name,
          status: answer.status,
          kind: 'undocumented-error',
          error: `error status not documented (documented: ${listed})`,
        },
        ...this.problemMismatches(name, answer, mediaType),
      ];
    }
    const content = responses[statusKey]?.content;
    if (!content || !Object.keys(content).length) {
      if (!hasBody) return [];
      if (!success) return this.problemMismatches(name, answer, mediaType);
      return [this.mismatch(name, answer.status, `a ${mediaType ?? 'untyped'} body the document does not describe`)];
    }
    if (!hasBody) {
      // A body the document promises for a success must come; an error with no body at all says nothing wrong.
      return success
        ? [this.mismatch(name, answer.status, `no body, documented ${Object.keys(content).join(', ')}`)]
        : [];
    }
    const documented = Object.keys(content).find((type) => mediaTypeOf(type) === mediaType);
    if (!documented)
      return [
        this.mismatch(
          name,
          answer.status,
          `answered ${mediaType ?? 'no content type'}, documented ${Object.keys(content).join(', ')}`,
        ),
      ];
    if (!isJson(mediaType) || content[documented]?.schema === undefined) return [];
    const location = pointer('paths', route.template, method, 'responses', statusKey, 'content', documented, 'schema');
    return this.schemaMismatches(name, answer, `#${location}`);
  }

  /** An error's body against the document's Problem schema, when it has one and the body is problem+json. */
  private problemMismatches(name: string, answer: HttpAnswer, mediaType?: string): ContractMismatch[] {
    if (!this.hasProblemSchema || mediaType !== 'application/problem+json') return [];
    return this.schemaMismatches(name, answer, PROBLEM_SCHEMA);
  }

  private schemaMismatches(name: string, answer: HttpAnswer, ref: string): ContractMismatch[] {
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return [this.mismatch(name, answer.status, `the body is not JSON: ${answer.body.slice(0, 80)}`)];
    }
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${ref}` });
      this.validators.set(ref, validate);
    }
    if (validate(body)) return [];
    return [this.mismatch(name, answer.status, describeErrors(validate.errors ?? []))];
  }

  private mismatch(operation: string, status: number, error: string): ContractMismatch {
    return { operation, status, error, kind: 'mismatch' };
  }
}

/** Ajv's errors as one line each, where in the body and what: at most MAX_ERRORS of them. */
function describeErrors(errors: ErrorObject[]): string {
  const lines = errors
    // An anyOf's own "must match a schema in anyOf" adds nothing to the errors of its branches.
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
    .map((e) => {
      // Every item of a list alike: `/items/*/createdAt` once, not once per item.
      const at = e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(the body)';
      if (e.keyword === 'unevaluatedProperties' || e.keyword === 'additionalProperties') {
        const property = e.params as { unevaluatedProperty?: string; additionalProperty?: string };
        return `${at}: property "${property.unevaluatedProperty ?? property.additionalProperty}" is not documented`;
      }
      // One line for a null, not one per keyword it fails (type, enum, format...).
      if (e.data === null) return `${at}: null, documented as not nullable`;
      return `${at}: ${e.message ?? e.keyword}${e.keyword === 'enum' ? ` ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}` : ''}`;
    });
  const unique = [...new Set(lines)];
  return unique.length > MAX_ERRORS
    ? `${unique.slice(0, MAX_ERRORS).join('; ')}; and ${unique.length - MAX_ERRORS} more`
    : unique.join('; ');
}

/**
 * The document with every object schema that lists its properties closed to others (`unevaluatedProperties:
 * false`, which sees through allOf/anyOf), unless it says what else it allows. JSON Schema lets any property
 * through by default; a property the document does not name is one a generated client cannot see.
 */
function closedObjects(document: Json): Json {
  const close = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(close);
    if (!isObject(value)) return value;
    const copy: Json = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, close(inner)]));
    if (
      isObject(value.properties) &&
      value.additionalProperties === undefined &&
      value.unevaluatedProperties === undefined &&
      value.patternProperties === undefined
    )
      copy.unevaluatedProperties = false;
    return copy;
  };
  // Only schemas: paths' examples hold objects with `properties` too, which are data.
  return {
    ...document,
    paths: mapSchemasOfPaths(document.paths, close),
    components: isObject(document.components)
      ? { ...document.components, schemas: close((document.components as Json).schemas) }
      : document.components,
  };
}

/** The paths with each response's schemas passed through `map`. */
function mapSchemasOfPaths(paths: unknown, map: (schema: unknown) => unknown): unknown {
  if (!isObject(paths)) return paths;
  const mapValues = (record: Json, f: (value: unknown) => unknown) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
  const response = (value: unknown) =>
    isObject(value) && isObject(value.content)
      ? {
          ...value,
          content: mapValues(value.content, (media) =>
            isObject(media) && media.schema !== undefined ? { ...media, schema: map(media.schema) } : media,
          ),
        }
      : value;
  return mapValues(paths, (item) =>
    isObject(item)
      ? mapValues(item, (operation) =>
          isObject(operation) && isObject(operation.responses)
            ? { ...operation, responses: mapValues(operation.responses, response) }
            : operation,
        )
      : item,
  );
}

/** The path of a request URL, its escapes undone where they are not reserved; as sent when it is malformed. */
function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
