import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Role } from '@ccsc/auth';
import { bearer, eventually } from '@ccsc/testing';
import { SUPERGRAPH_FILE } from '../../gateway/src/gateway';
import { graphql, graphqlData, type Loose } from '../graphql-client';
import { RunningPlatform, startTestPlatform } from '../platform';
import { as, partnerApi } from '../rest-client';
import { DEEP_JSON, FieldShape, hostileValuesFor, idFor, NUL, NULL, plausible, Seeded } from './hostile-values';

/**
 * The hostile-input sweep: every REST route of the OpenAPI document the gateway serves and every
 * argument of the supergraph, each sent one hostile value at a time (NUL bytes,
 * 2^31, 1e20, negative numbers, years 1000 and 9999, 100,000 characters, unknown enum values, an array
 * where an object belongs, an object or a list in a list, null where a field is required, JSON nested
 * 5,000 deep) by every role below. None may answer 500, and none may write anything: every row count of
 * every service database is the same after the sweep as before it. Then null in every field that may be
 * left out, which may write but never answer 500.
 */
const ROLES: Role[] = ['caseworker', 'team-leader'];
/** For calls neither of those may make: the staff roles that own the rest (complaints, payments, enforcement, judgments). */
const FALLBACK_ROLES: Role[] = ['complaints-officer', 'finance-officer', 'enforcement-officer', 'judiciary'];
const CONCURRENCY = 8;

interface Call {
  label: string;
  write: boolean;
  /** A call whose input must be refused (400), a read's too: any success is reported as accepted. */
  mustRefuse?: boolean;
  send(authorization: string): Promise<Answer>;
}

interface Answer {
  status: number;
  /** GraphQL error codes; REST answers carry their meaning in the status. */
  codes: string[];
  detail: string;
}

async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** A copy of `base` with `value` at `path` (keys and array indexes), creating what is missing. */
function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(base) ? [...(base as unknown[])] : [];
    list[head] = withValue(list[head], rest, value);
    return list;
  }
  const object = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Loose) } : {};
  object[head] = withValue(object[head], rest, value);
  return object;
}

const showPath = (path: (string | number)[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');

// --- REST, from the OpenAPI document ------------------------------------------------------------

type Schema = Loose;

interface Leaf {
  path: (string | number)[];
  shape: FieldShape;
  /** May be left out (not required by its object): null there is judged by the second sweep. */
  optional: boolean;
}

/** Names of String fields that take one of a set of values, where the schema does not list them. */
const ENUM_LIKE_NAMES = /^(event|kinds?|status|language|service|state|channel|method|action|caseType)$/;
/** A page's position: gets cursors a client could forge. */
const CURSOR_NAMES = /^(cursor|after|before)$/;

/** A date-time (`receivedAt`) or a day (`dueOn`, `from`, `date`) by its name, where the schema does not say. */
function temporalByName(name: string): FieldShape['temporal'] {
  if (/At$/.test(name)) return 'date-time';
  return /(On|Date)$|^(from|to|date|day|start|end)$/.test(name) ? 'date' : undefined;
}

/** A schema's type; OpenAPI 3.1 writes a nullable one's as `[type, 'null']`. */
const typeOf = (schema: Schema) =>
  (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type) as string | undefined;

function restShape(schema: Schema, name = ''): FieldShape {
  const type = typeOf(schema);
  const temporal =
    schema.format === 'date-time' ? 'date-time' : schema.format === 'date' ? 'date' : temporalByName(name);
  const enumLike =
    Array.isArray(schema.enum) || ENUM_LIKE_NAMES.test(name) || /one of/i.test(String(schema.description ?? ''));
  if (type === 'string') return { kind: 'string', temporal, enumLike, cursor: CURSOR_NAMES.test(name) };
  if (type === 'integer' || type === 'number') return { kind: 'number' };
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'array') return { kind: 'array' };
  if (type === 'object' || schema.properties) return { kind: 'object' };
  return { kind: 'unknown' };
}

class OpenApi {
  constructor(private readonly document: Loose) {}

  resolve(schema: Schema | undefined): Schema {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 10; i++)
      s = this.document.components.schemas[String(s.$ref).split('/').pop()!] as Schema;
    if (s.allOf)
      return (s.allOf as Schema[]).reduce<Schema>((all, part) => {
        const r = this.resolve(part);
        return {
          ...all,
          ...r,
          properties: { ...all.properties, ...r.properties },
          required: [...(all.required ?? []), ...(r.required ?? [])],
        };
      }, {});
    return s;
  }

  /**
   * Every attackable position of a body schema: its fields, nested objects and lists themselves (an array
   * where an object belongs), and what is inside them (the first item of a list).
   */
  leaves(schema: Schema, path: (string | number)[] = [], depth = 0, optional = false): Leaf[] {
    const s = this.resolve(schema);
    if (depth > 4) return [];
    const name = String(path[path.length - 1] ?? '');
    const self = path.length ? [{ path, shape: restShape(s, name), optional }] : [];
    if (typeOf(s) === 'array') return [...self, ...this.leaves(s.items as Schema, [...path, 0], depth + 1)];
    if (s.properties) {
      const required = new Set((s.required ?? []) as string[]);
      return [
        ...self,
        ...Object.entries(s.properties as Record<string, Schema>).flatMap(([key, property]) =>
          this.leaves(property, [...path, key], depth + 1, !required.has(key)),
        ),
      ];
    }
    return self;
  }

  /** The smallest body the schema describes: its required fields with plausible values. */
  baseline(schema: Schema, context: string, seeded: Seeded, name = '', depth = 0): unknown {
    const s = this.resolve(schema);
    if (Array.isArray(s.enum)) return s.enum[0];
    if (depth > 4) return undefined;
    if (typeOf(s) === 'array')
      return s.minItems ? [this.baseline(s.items as Schema, context, seeded, name, depth + 1)] : [];
    if (s.properties) {
      return Object.fromEntries(
        ((s.required ?? []) as string[]).map((key) => [
          key,
          this.baseline((s.properties as Loose)[key], context, seeded, key, depth + 1),
        ]),
      );
    }
    return plausible(restShape(s), name, context, seeded);
  }
}

/**
 * `hostile`: every hostile value at every position (null where a field is required); `nulls`: null in
 * every field that may be left out, which must be taken as left out or refused, never a 500.
 */
type Sweep = 'hostile' | 'nulls';

function restCalls(gatewayUrl: string, document: Loose, seeded: Seeded, sweep: Sweep): Call[] {
  const api = new OpenApi(document);
  const calls: Call[] = [];
  for (const [template, item] of Object.entries(document.paths as Record<string, Loose>)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method] as Loose | undefined;
      if (!operation) continue;
      const parameters = ((operation.parameters ?? []) as Loose[]).filter((p) => p.in === 'path' || p.in === 'query');
      const pathParams = parameters.filter((p) => p.in === 'path');
      const queryParams = parameters.filter((p) => p.in === 'query');
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema as Schema | undefined;
      // A bare `{id}` is a record of what the segment before it names (`/complaints/{id}` a complaint).
      const pathValue = (name: string) =>
        idFor(
          name,
          `${
            template
              .slice(0, template.indexOf(`{${name}}`))
              .split('/')
              .filter(Boolean)
              .pop() ?? ''
          }/`,
          seeded,
        );
      const basePath = () => Object.fromEntries(pathParams.map((p) => [p.name as string, pathValue(p.name as string)]));
      const baseQuery = () =>
        Object.fromEntries(
          queryParams
            .filter((p) => p.required)
            .map((p) => {
              const schema = api.resolve(p.schema as Schema);
              return [
                p.name as string,
                Array.isArray(schema.enum)
                  ? schema.enum[0]
                  : plausible(restShape(schema), p.name as string, template, seeded),
              ];
            }),
        );
      const baseBody = bodySchema ? api.baseline(bodySchema, template, seeded) : undefined;
      const write = method !== 'get';
      const add = (
        label: string,
        path: Record<string, unknown>,
        query: Record<string, unknown>,
        body: string | undefined,
        mustRefuse = false,
      ) => {
        const url = new URL(
          gatewayUrl + template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(path[name]))),
        );
        for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
        calls.push({
          label: `${method.toUpperCase()} ${template} ${label}`,
          write,
          mustRefuse,
          send: async (authorization) => {
            const res = await fetch(url, {
              method: method.toUpperCase(),
              headers: { authorization, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
              body,
            });
            return { status: res.status, codes: [], detail: (await res.text()).slice(0, 200) };
          },
        });
      };
      const json = (value: unknown) => (bodySchema ? JSON.stringify(value ?? {}) : undefined);

      if (sweep === 'nulls') {
        for (const leaf of bodySchema ? api.leaves(bodySchema).filter((l) => l.optional) : [])
          add(
            `body ${showPath(leaf.path)}: null`,
            basePath(),
            baseQuery(),
            JSON.stringify(withValue(baseBody, leaf.path, null)),
          );
        continue;
      }
      for (const p of pathParams)
        add(
          `path ${p.name as string}: NUL byte`,
          { ...basePath(), [p.name as string]: NUL.value },
          baseQuery(),
          json(baseBody),
        );
      for (const p of queryParams) {
        const schema = api.resolve(p.schema as Schema);
        const shape = restShape(schema, p.name as string);
        for (const hostile of hostileValuesFor(shape)) {
          add(
            `query ${p.name as string}: ${hostile.label}`,
            basePath(),
            { ...baseQuery(), [p.name as string]: hostile.value },
            json(baseBody),
          );
        }
        // A number written otherwise than in decimal digits is not read as one (0x10 was taken as 16).
        if (shape.kind === 'number')
          for (const written of ['0x1', '1e0', ' 1', '0x10'])
            add(
              `query ${p.name as string}: ${JSON.stringify(written)}`,
              basePath(),
              { ...baseQuery(), [p.name as string]: written },
              json(baseBody),
              true,
            );
      }
      // A parameter the route does not take is refused, as an unknown body field is.
      add('query: a parameter it does not take', basePath(), { ...baseQuery(), zz_unknown: '1' }, json(baseBody), true);
      if (bodySchema) {
        for (const leaf of api.leaves(bodySchema)) {
          for (const hostile of [...hostileValuesFor(leaf.shape), ...(leaf.optional ? [] : [NULL])]) {
            add(
              `body ${showPath(leaf.path)}: ${hostile.label}`,
              basePath(),
              baseQuery(),
              JSON.stringify(withValue(baseBody, leaf.path, hostile.value)),
            );
          }
        }
        add('body: JSON nested 5,000 deep', basePath(), baseQuery(), DEEP_JSON);
        // Keys every object has from Object.prototype passed class-validator's whitelist as known: refused.
        if (baseBody !== null && typeof baseBody === 'object' && !Array.isArray(baseBody)) {
          const fields = JSON.stringify(baseBody).slice(1, -1);
          const withKey = (key: string) => `{"${key}":{"representedBy":"x"}${fields ? `,${fields}` : ''}}`;
          for (const key of ['__proto__', 'constructor', 'toString'])
            add(`body: a field named ${key}`, basePath(), baseQuery(), withKey(key));
        }
      }
    }
  }
  return calls;
}

// --- GraphQL, from the supergraph ---------------------------------------------------------------

function graphqlShape(type: GraphQLInputType, name: string, description: string | null | undefined): FieldShape {
  const named = getNamedType(type);
  if (isListType(isNonNullType(type) ? type.ofType : type)) return { kind: 'array' };
  if (isEnumType(named)) return { kind: 'string', enumLike: true };
  if (isInputObjectType(named)) return { kind: 'object' };
  if (named.name === 'Int' || named.name === 'Float') return { kind: 'number' };
  if (named.name === 'Boolean') return { kind: 'boolean' };
  const temporal = temporalByName(name);
  // A String that the schema says takes one of a set of values (`event`, `kinds`, `status`...).
  const enumLike = /one of|\bor\b/i.test(description ?? '') || ENUM_LIKE_NAMES.test(name);
  return { kind: 'string', temporal, enumLike, cursor: CURSOR_NAMES.test(name) };
}

interface GqlLeaf {
  path: (string | number)[];
  shape: FieldShape;
}

/** Every attackable position of an argument: scalars, list items, input-object fields. */
function gqlLeaves(
  type: GraphQLInputType,
  path: (string | number)[],
  name: string,
  description: string | null | undefined,
  depth = 0,
): GqlLeaf[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (depth > 4) return [];
  if (isListType(inner)) return gqlLeaves(inner.ofType as GraphQLInputType, [...path, 0], name, description, depth + 1);
  if (isInputObjectType(inner)) {
    return Object.values(inner.getFields()).flatMap((f) =>
      gqlLeaves(f.type, [...path, f.name], f.name, f.description, depth + 1),
    );
  }
  return [{ path, shape: graphqlShape(type, name, description) }];
}

function gqlBaseline(type: GraphQLInputType, name: string, context: string, seeded: Seeded, depth = 0): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (depth > 4) return undefined;
  if (isListType(inner)) return isNonNullType(type) ? [] : undefined;
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, gqlBaseline(f.type, f.name, context, seeded, depth + 1)]),
    );
  }
  if (isScalarType(inner) && inner.name === 'ID') return idFor(name, context, seeded);
  return plausible(graphqlShape(type, name, undefined), name, context, seeded);
}

const HIDDEN_FIELDS = new Set(['_entities', '_service']);

/** The positions of an argument that may be null: the argument itself and its input objects' fields, however deep. */
function gqlNullable(type: GraphQLInputType, path: (string | number)[], depth = 0): (string | number)[][] {
  if (depth > 4) return [];
  const inner = isNonNullType(type) ? type.ofType : type;
  const self = isNonNullType(type) ? [] : [path];
  if (isListType(inner)) return [...self, ...gqlNullable(inner.ofType as GraphQLInputType, [...path, 0], depth + 1)];
  if (isInputObjectType(inner))
    return [
      ...self,
      ...Object.values(inner.getFields()).flatMap((f) => gqlNullable(f.type, [...path, f.name], depth + 1)),
    ];
  return self;
}

function graphqlCalls(gatewayUrl: string, schema: GraphQLSchema, seeded: Seeded, sweep: Sweep): Call[] {
  const calls: Call[] = [];
  const roots: [string, 'query' | 'mutation' | 'subscription', GraphQLField<unknown, unknown>[]][] = [
    ['Query', 'query', Object.values(schema.getQueryType()?.getFields() ?? {})],
    ['Mutation', 'mutation', Object.values(schema.getMutationType()?.getFields() ?? {})],
    ['Subscription', 'subscription', Object.values(schema.getSubscriptionType()?.getFields() ?? {})],
  ];
  const caseType = schema.getType('Case');
  if (isObjectType(caseType)) roots.push(['Case', 'query', Object.values(caseType.getFields())]);

  for (const [typeName, operation, fields] of roots) {
    for (const field of fields) {
      if (HIDDEN_FIELDS.has(field.name) || !field.args.length) continue;
      const named = getNamedType(field.type);
      const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
      const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const argumentList = (literal?: { arg: GraphQLArgument; text: string }) =>
        field.args.map((a) => `${a.name}: ${literal?.arg === a ? literal.text : `$${a.name}`}`).join(', ');
      const document = (literal?: { arg: GraphQLArgument; text: string }) => {
        const call = `${field.name}(${argumentList(literal)})${selection}`;
        const decls = literal
          ? field.args
              .filter((a) => a !== literal.arg)
              .map((a) => `$${a.name}: ${a.type.toString()}`)
              .join(', ')
          : declarations;
        const body = typeName === 'Case' ? `case(id: $sweepCaseId) { ${call} }` : call;
        const all = [typeName === 'Case' ? '$sweepCaseId: ID!' : '', decls].filter(Boolean).join(', ');
        return `${operation}${all ? `(${all})` : ''} { ${body} }`;
      };
      const baseVariables = () => ({
        ...(typeName === 'Case' ? { sweepCaseId: seeded.caseId } : {}),
        ...Object.fromEntries(
          field.args
            .map((a) => [a.name, gqlBaseline(a.type, a.name, field.name, seeded)])
            .filter(([, v]) => v !== undefined),
        ),
      });
      const add = (label: string, query: string, variables: Loose) =>
        calls.push({
          label: `${typeName}.${field.name} ${label}`,
          write: operation === 'mutation',
          send: async (authorization) => {
            if (operation === 'subscription') return subscribeOnce(gatewayUrl, authorization, query, variables);
            const res = await fetch(`${gatewayUrl}/graphql`, {
              method: 'POST',
              headers: { authorization, 'content-type': 'application/json' },
              body: JSON.stringify({ query, variables }),
            });
            const text = await res.text();
            let codes: string[] = [];
            try {
              codes = (((JSON.parse(text) as Loose).errors ?? []) as Loose[]).map((e) =>
                String(e.extensions?.code ?? 'NO_CODE'),
              );
            } catch {
              codes = ['NOT_JSON'];
            }
            return { status: res.status, codes, detail: text.slice(0, 300) };
          },
        });

      if (sweep === 'nulls') {
        if (operation === 'subscription') continue;
        for (const arg of field.args)
          for (const path of gqlNullable(arg.type, [])) {
            const variables = baseVariables();
            variables[arg.name] = path.length ? withValue(variables[arg.name], path, null) : null;
            add(`${showPath([arg.name, ...path])}: null`, document(), variables);
          }
        continue;
      }
      for (const arg of field.args) {
        for (const leaf of gqlLeaves(arg.type, [], arg.name, arg.description)) {
          // Mutations get unknown values only where the schema itself names the set (an enum): a free-text
          // String takes any text, and the sweep must not write.
          const shape =
            operation === 'mutation' && !isEnumType(getNamedType(leafType(arg.type, leaf.path)))
              ? { ...leaf.shape, enumLike: false }
              : leaf.shape;
          for (const hostile of hostileValuesFor(shape)) {
            const variables = baseVariables();
            variables[arg.name] = withValue(variables[arg.name], leaf.path, hostile.value);
            add(`${showPath([arg.name, ...leaf.path])}: ${hostile.label}`, document(), variables);
          }
          // The same NUL written into the document, not a variable: literals reach the resolvers too.
          if (leaf.shape.kind === 'string' && !leaf.path.length && !isEnumType(getNamedType(arg.type))) {
            const variables = baseVariables();
            delete variables[arg.name];
            add(`${arg.name}: NUL byte (literal)`, document({ arg, text: JSON.stringify(NUL.value) }), variables);
          }
        }
      }
    }
  }
  return calls;
}

/**
 * A subscription over server-sent events, judged by how it starts: its first event's errors (a refusal),
 * or none when it is still open and quiet after a second (taken: nothing has changed yet).
 */
async function subscribeOnce(url: string, authorization: string, query: string, variables: Loose): Promise<Answer> {
  const controller = new AbortController();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const timer = setTimeout(() => controller.abort(), 1_000);
  let text = '';
  try {
    if (!res.body) return { status: res.status, codes: ['NO_BODY'], detail: '' };
    const reader = res.body.getReader();
    while (!/event: (next|complete)\n/.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  const stream = res.headers.get('content-type')?.startsWith('text/event-stream');
  const data = stream ? /data: (\{.*\})\n/.exec(text)?.[1] : text;
  let codes: string[] = [];
  try {
    codes = data
      ? (((JSON.parse(data) as Loose).errors ?? []) as Loose[]).map((e) => String(e.extensions?.code ?? 'NO_CODE'))
      : [];
  } catch {
    codes = ['NOT_JSON'];
  }
  return { status: res.status, codes, detail: text.slice(0, 300) };
}

function leafType(type: GraphQLInputType, path: (string | number)[]): GraphQLInputType {
  let current = type;
  for (const step of path) {
    const inner = isNonNullType(current) ? current.ofType : current;
    if (typeof step === 'number' && isListType(inner)) current = inner.ofType as GraphQLInputType;
    else if (typeof step === 'string' && isInputObjectType(inner)) current = inner.getFields()[step]!.type;
  }
  return current;
}

// --- The database snapshot ----------------------------------------------------------------------

async function rowCounts(platform: RunningPlatform): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [service, running] of Object.entries(platform.services)) {
    const client = new Client({ connectionString: running!.databaseUrl });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
      );
      for (const { name } of tables.rows) {
        // Reading is recorded in the audit trail (a hostile value may still find and show records); a
        // change is what must not happen, and its record is the trail's `change` rows.
        const where = name === 'public.audit_trail' ? ` WHERE kind = 'change'` : '';
        const [{ n }] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}${where}`)).rows as [
          { n: string },
        ];
        counts[`${service}:${name}`] = Number(n);
      }
    } finally {
      await client.end();
    }
  }
  return counts;
}

/** Row counts once nothing more arrives (the seeding's events settle through the in-process bus). */
async function settledRowCounts(platform: RunningPlatform): Promise<Record<string, number>> {
  let previous = await rowCounts(platform);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const current = await rowCounts(platform);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
}

const isForbidden = (a: Answer) => a.status === 403 || a.codes.includes('FORBIDDEN');

/**
 * Sends every call as each of ROLES, and as the first fallback role that may make it when neither may:
 * the answers that were a 500 (or INTERNAL_SERVER_ERROR), and the writes that were accepted.
 */
async function sweep(calls: readonly Call[]): Promise<{ internal: string[]; accepted: string[]; sent: number }> {
  const tokens = await Promise.all(ROLES.map(async (role) => [role, await bearer(role)] as const));
  const fallbacks = await Promise.all(FALLBACK_ROLES.map(async (role) => [role, await bearer(role)] as const));
  const internal: string[] = [];
  const accepted: string[] = [];
  let sent = 0;
  await inBatches(calls, CONCURRENCY, async (call) => {
    const send = async ([role, authorization]: readonly [Role, string]) => {
      const answer = await call.send(authorization);
      sent++;
      if (isInternal(answer))
        internal.push(`${role} ${call.label}: ${answer.status} ${answer.codes.join(',')} ${answer.detail}`);
      else if ((call.write || call.mustRefuse) && answer.status < 300 && !answer.codes.length)
        accepted.push(`${role} ${call.label}`);
      return answer;
    };
    let refused = true;
    for (const token of tokens) if (!isForbidden(await send(token))) refused = false;
    // Neither role may make this call: the first staff role that may, so its input is judged too.
    for (const token of refused ? fallbacks : []) if (!isForbidden(await send(token))) break;
  });
  return { internal, accepted, sent };
}
const isInternal = (a: Answer) =>
  a.status >= 500 || a.codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'NO_CODE' || c === 'NOT_JSON');

const SEED_CASE = graphql(`
  mutation HostileSeedCase($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
    }
  }
`);
const SEED_ENQUIRY = graphql(`
  mutation HostileSeedEnquiry($i: RaiseEnquiryInput!) {
    raiseEnquiry(input: $i) {
      id
    }
  }
`);
const SEED_COMPLAINT = graphql(`
  mutation HostileSeedComplaint($i: ConvertEnquiryToComplaintInput!) {
    convertEnquiryToComplaint(input: $i) {
      id
    }
  }
`);
const SEEDED_COMPLAINTS = graphql(`
  query HostileSeededComplaints($id: ID!) {
    case(id: $id) {
      complaints {
        id
      }
    }
  }
`);

/** What the sweep aims at: a case, an enquiry on it, the complaint it became, and an unallocated cheque. */
async function seed(gatewayUrl: string): Promise<Seeded> {
  const caseworker = await bearer('caseworker');
  const created = await graphqlData(
    gatewayUrl,
    SEED_CASE,
    {
      i: {
        caseType: 'civil-money-claim',
        parties: [
          { role: 'claimant', kind: 'person', name: 'Alex Smith' },
          { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
        ],
      },
    },
    caseworker,
  );
  const caseId = created.createCase.id;
  const raised = await eventually(
    () =>
      graphqlData(
        gatewayUrl,
        SEED_ENQUIRY,
        {
          i: {
            channel: 'telephone',
            subject: 'Still no hearing date',
            message: 'Caller is unhappy with the delay',
            caseId,
            category: 'delay',
            contact: { name: 'Alex Smith' },
          },
        },
        caseworker,
      ),
    30_000,
  );
  const enquiryId = raised.raiseEnquiry.id;
  await graphqlData(
    gatewayUrl,
    SEED_COMPLAINT,
    { i: { enquiryId, reason: 'Caller wants to complain about the delay' } },
    caseworker,
  );
  const complaintId = await eventually(async () => {
    const data = await graphqlData(gatewayUrl, SEEDED_COMPLAINTS, { id: caseId }, caseworker);
    expect(data.case.complaints).toHaveLength(1);
    return data.case.complaints[0]!.id;
  }, 30_000);
  const cheque = await partnerApi(gatewayUrl).POST('/api/v1/payments/bulk-scan-payments', {
    ...as(await bearer('finance-officer')),
    body: { method: 'cheque', amountPence: 15_000, reference: 'no reference written' },
  });
  expect(cheque.response.status).toBe(201);
  const paymentId = cheque.data!.id;
  return { caseId, enquiryId, complaintId, paymentId };
}

describe('hostile input, at every REST route and GraphQL argument', () => {
  let platform: RunningPlatform;
  let seeded: Seeded;

  beforeAll(async () => {
    platform = await startTestPlatform();
    seeded = await seed(platform.gatewayUrl);
  }, 120_000);
  afterAll(() => platform?.stop());

  /** The calls of a sweep: every REST route the gateway documents and every argument of the supergraph. */
  const callsOf = async (kind: Sweep): Promise<Call[]> => {
    const document = (await (await fetch(`${platform.gatewayUrl}/api/docs`)).json()) as Loose;
    const schema = buildSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'), { assumeValidSDL: true });
    return [
      ...restCalls(platform.gatewayUrl, document, seeded, kind),
      ...graphqlCalls(platform.gatewayUrl, schema, seeded, kind),
    ];
  };

  it('answers no hostile value with a 500, and writes nothing', async () => {
    const calls = await callsOf('hostile');
    // Every kind of root is swept, subscriptions (over server-sent events) too.
    for (const root of ['Query.', 'Mutation.', 'Subscription.', 'Case.'])
      expect(calls.some((c) => c.label.startsWith(root))).toBe(true);
    calls.push({
      label: 'GraphQL with an unknown operationName',
      write: false,
      send: async (authorization) => {
        const res = await fetch(`${platform.gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query Known { __typename }', operationName: 'Unknown' }),
        });
        return { status: res.status, codes: [], detail: (await res.text()).slice(0, 200) };
      },
    });
    calls.push({
      label: 'GraphQL with variables nested 5,000 deep',
      write: true,
      send: async (authorization) => {
        const res = await fetch(`${platform.gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: `{"query":"mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }","variables":{"i":${DEEP_JSON}}}`,
        });
        return { status: res.status, codes: [], detail: (await res.text()).slice(0, 200) };
      },
    });
    const before = await settledRowCounts(platform);
    const { internal, accepted, sent } = await sweep(calls);
    const after = await settledRowCounts(platform);
    const changed = Object.keys({ ...before, ...after })
      .filter((t) => before[t] !== after[t])
      .map((t) => `${t}: ${before[t]} -> ${after[t]}`);

    // The sweep must have covered something of every kind, or it proves nothing.
    expect(calls.filter((c) => c.label.includes(' /api/v1/')).length).toBeGreaterThan(500);
    expect(calls.filter((c) => /^(Query|Mutation|Case)\./.test(c.label)).length).toBeGreaterThan(500);
    expect(sent).toBeGreaterThanOrEqual(calls.length * ROLES.length);
    expect({ internal: internal.sort(), accepted: accepted.sort(), changed }).toEqual({
      internal: [],
      accepted: [],
      changed: [],
    });
  }, 600_000);

  // After the sweep above, which proves nothing was written: a null may be taken as "left out" and write.
  it('takes null in a field that may be left out as left out or refuses it, never with a 500', async () => {
    const calls = await callsOf('nulls');
    expect(calls.filter((c) => c.label.includes(' /api/v1/')).length).toBeGreaterThan(100);
    expect(calls.filter((c) => /^(Query|Mutation|Case)\./.test(c.label)).length).toBeGreaterThan(100);
    const { internal } = await sweep(calls);
    expect(internal.sort()).toEqual([]);
  }, 600_000);
  // What an outside probe found beyond the sweep's reach (its plausible values fail first elsewhere): each
  // refused by validation, before anything else, by every role the route lets in.
  it('refuses an array where an object belongs with a 400 naming the field', async () => {
    const tokens = await Promise.all([
      ...(['caseworker', 'team-leader', 'finance-officer'] as const).map((role) => bearer(role)),
      bearer('citizen', { sub: 'citizen-probe' }),
      bearer('professional', { org: 'org-probe', sub: 'solicitor-probe' }),
    ]);
    const probes: [string, Loose, string][] = [
      [
        '/api/v1/payments/help-with-fees/applications',
        { caseId: seeded.caseId, feeCode: 'FEE0202', applicant: [] },
        'applicant',
      ],
      ['/api/v1/queries/enquiries', { channel: 'telephone', subject: 't', message: 't', contact: [] }, 'contact'],
      ['/api/v1/cases', { caseType: 'civil-money-claim', parties: [[]] }, 'parties'],
      [
        '/api/v1/payments/fees/FEE0202/versions',
        { amount: [], validFrom: '2027-04-01', description: 'probe' },
        'amount',
      ],
    ];
    for (const [path, body, field] of probes) {
      const statuses: number[] = [];
      for (const authorization of tokens) {
        const res = await fetch(`${platform.gatewayUrl}${path}`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        statuses.push(res.status);
        const text = await res.text();
        if (res.status === 400) expect({ path, text }).toEqual({ path, text: expect.stringContaining(field) });
      }
      // Refused by validation (400) where the role may call the route, by the route (403) where it may not.
      expect({ path, statuses }).toEqual({ path, statuses: expect.arrayContaining([400]) });
      expect({ path, statuses: statuses.filter((s) => s !== 400 && s !== 403) }).toEqual({ path, statuses: [] });
    }
  });
});
