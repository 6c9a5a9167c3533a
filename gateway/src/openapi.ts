import type { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_PATH } from '@ccsc/platform';

const CACHE_MS = 30_000;

/** The version of the document the gateway serves; the services' own documents are 3.0 (@nestjs/swagger). */
export const OPENAPI_VERSION = '3.1.0';

/**
 * The partner API as one OpenAPI document: each service's own document, fetched from the service
 * and merged, so the docs always describe what is deployed. A service that does not answer is
 * listed as unavailable rather than failing the whole document.
 */
export class MergedOpenApi {
  private cached?: { at: number; document: OpenAPIObject };

  constructor(private readonly services: Record<string, string>) {}

  async document(): Promise<OpenAPIObject> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.document;
    const parts = await Promise.all(
      Object.entries(this.services).map(async ([name, url]) => [name, await fetchDocument(url)] as const),
    );
    const schemas: Record<string, unknown> = {};
    const tags: { name: string }[] = [];
    const document: OpenAPIObject = {
      openapi: OPENAPI_VERSION,
      info: {
        title: 'Courts and tribunals service centre: partner API',
        version: '1',
        description:
          "Versioned REST API for partners such as solicitors' case-management systems. Every call needs a bearer token; errors are RFC 9457 problem+json.",
      },
      servers: [{ url: '/' }],
      paths: {},
      components: {
        schemas: schemas as never,
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
      tags,
    };
    const unavailable: string[] = [];
    const conflicts: string[] = [];
    const owners: Record<string, string> = {};
    for (const [name, part] of parts) {
      if (!part) {
        unavailable.push(name);
        continue;
      }
      Object.assign(document.paths, toOpenApi31Paths(part.paths));
      for (const [schemaName, schema] of Object.entries(mapValues(part.components?.schemas ?? {}, toJsonSchema))) {
        // Two services naming different schemas alike would document one's routes with the other's shape.
        if (schemaName in schemas && JSON.stringify(schemas[schemaName]) !== JSON.stringify(schema))
          conflicts.push(`${schemaName} (${owners[schemaName]}, ${name})`);
        schemas[schemaName] = schema;
        owners[schemaName] ??= name;
      }
      tags.push(...(part.tags ?? []));
    }
    if (unavailable.length) Object.assign(document.info, { 'x-unavailable-services': unavailable });
    if (conflicts.length) Object.assign(document.info, { 'x-schema-name-conflicts': conflicts });
    this.cached = { at: Date.now(), document };
    return document;
  }
}

async function fetchDocument(baseUrl: string): Promise<OpenAPIObject | undefined> {
  try {
    const res = await fetch(`${baseUrl}${OPENAPI_PATH}`, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? ((await res.json()) as OpenAPIObject) : undefined;
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const mapValues = (record: Json, map: (value: unknown) => unknown): Json =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/** What describes a schema rather than constrains it: it stays on the outside when a nullable schema is wrapped. */
const ANNOTATIONS = ['title', 'description', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly'];

/**
 * An OpenAPI 3.0 schema as 3.1 has it (JSON Schema 2020-12): `nullable` becomes `null` among the types
 * (or, for a reference or a composition, one of `anyOf`), and a boolean `exclusiveMinimum` /
 * `exclusiveMaximum` the bound itself. What else @nestjs/swagger writes means the same in both.
 */
export function toJsonSchema(value: unknown): unknown {
  if (!isObject(value)) return value;
  const schema: Json = { ...value };
  for (const key of ['properties', 'patternProperties', '$defs'])
    if (isObject(schema[key])) schema[key] = mapValues(schema[key], toJsonSchema);
  for (const key of ['items', 'additionalProperties', 'not'])
    if (isObject(schema[key])) schema[key] = toJsonSchema(schema[key]);
  for (const key of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(schema[key])) schema[key] = schema[key].map(toJsonSchema);
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[flag] !== 'boolean') continue;
    if (schema[flag] && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else delete schema[flag];
  }
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return schema;
  if (
    schema.$ref === undefined &&
    schema.allOf === undefined &&
    schema.anyOf === undefined &&
    schema.oneOf === undefined
  ) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return schema;
  }
  // A reference or a composition may hold null only as an alternative to it.
  const outside: Json = {};
  for (const key of ANNOTATIONS) {
    if (key in schema) {
      outside[key] = schema[key];
      delete schema[key];
    }
  }
  return { ...outside, anyOf: [schema, { type: 'null' }] };
}

/** Every schema under the paths: parameters', request bodies' and responses' (their content and headers). */
function toOpenApi31Paths(paths: OpenAPIObject['paths']): OpenAPIObject['paths'] {
  const withSchema = (holder: unknown) =>
    isObject(holder) ? { ...holder, ...(holder.schema ? { schema: toJsonSchema(holder.schema) } : {}) } : holder;
  const withContent = (holder: unknown) =>
    isObject(holder)
      ? {
          ...holder,
          ...(isObject(holder.content) ? { content: mapValues(holder.content, withSchema) } : {}),
          ...(isObject(holder.headers) ? { headers: mapValues(holder.headers, withSchema) } : {}),
        }
      : holder;
  const operation = (value: unknown) =>
    isObject(value)
      ? {
          ...value,
          ...(Array.isArray(value.parameters) ? { parameters: value.parameters.map(withSchema) } : {}),
          ...(value.requestBody ? { requestBody: withContent(value.requestBody) } : {}),
          ...(isObject(value.responses) ? { responses: mapValues(value.responses, withContent) } : {}),
        }
      : value;
  return mapValues(paths, (item) =>
    isObject(item)
      ? {
          ...mapValues(item, operation),
          ...(Array.isArray(item.parameters) ? { parameters: item.parameters.map(withSchema) } : {}),
        }
      : item,
  ) as OpenAPIObject['paths'];
}
