// The breaking changes between two OpenAPI 3.1 documents, as a client of the released one meets them.
// Why our own (docs/decisions.md, "Change without breaking"): none of the npm diff tools reads 3.1's
// `type: [..., 'null']` right, and the one that installs cleanly calls a response's type change non-breaking.
import type { BreakingChange } from './contract-change';

type Json = Record<string, unknown>;
type Direction = 'request' | 'response';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const objectAt = (value: unknown, key: string): Json => {
  const found = isObject(value) ? value[key] : undefined;
  return isObject(found) ? found : {};
};

/**
 * What a client written against `released` can no longer rely on in `current`: a removed path or operation,
 * success response or media type; a property a response no longer has, or no longer always has; a type a
 * response widened or a request narrowed (null included); a request property, parameter or body now required;
 * a request property or query parameter now refused (unknown fields are refused); an enum value no longer
 * accepted. Additions a client may ignore are not reported. A change inside a shared schema is reported once
 * under the schema's name (`CaseModel.reference`) with the operations that use it.
 */
export function openApiBreakingChanges(released: Json, current: Json): BreakingChange[] {
  const found = new Findings();
  const before = operations(released);
  const after = operations(current);
  for (const [key, old] of before) {
    const next = after.get(key);
    if (!next) {
      const sunset = old.operation['x-sunset'];
      found.add(
        old.label,
        'operation removed',
        old.label,
        old.operation.deprecated === true,
        typeof sunset === 'string' ? sunset : undefined,
      );
      continue;
    }
    new OperationComparison(released, current, old.label, found).compare(old, next);
  }
  return found.list();
}

interface Operation {
  label: string;
  operation: Json;
  /** The path item's parameters with the operation's own over them, by `in:name`. */
  parameters: Map<string, Json>;
}

/** Operations by method and path shape: `{id}` renamed `{caseId}` is the same URL to a client. */
function operations(document: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, item] of Object.entries(objectAt(document, 'paths'))) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const parameters = new Map<string, Json>();
      for (const list of [item.parameters, operation.parameters])
        for (const parameter of Array.isArray(list) ? list : [])
          if (isObject(parameter)) parameters.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
      found.set(`${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`, {
        label: `${method.toUpperCase()} ${path}`,
        operation,
        parameters,
      });
    }
  }
  return found;
}

class Findings {
  private readonly byKey = new Map<string, BreakingChange & { what: string; usedIn: Set<string> }>();

  add(change: string, what: string, usedIn: string, announced?: boolean, notBefore?: string) {
    const key = `${change}\n${what}`;
    const finding = this.byKey.get(key) ?? { api: 'rest' as const, change, what, message: '', usedIn: new Set() };
    if (announced !== undefined) finding.announced = announced;
    if (notBefore !== undefined) finding.notBefore = notBefore;
    finding.usedIn.add(usedIn);
    this.byKey.set(key, finding);
  }

  list(): BreakingChange[] {
    return [...this.byKey.values()].map(({ what, usedIn, ...change }) => {
      const places = [...usedIn].filter((place) => !change.change.startsWith(place));
      const shown = places.slice(0, 3).join(', ') + (places.length > 3 ? `, and ${places.length - 3} more` : '');
      return { ...change, message: `${change.change}: ${what}${places.length ? ` (${shown})` : ''}` };
    });
  }
}

/** A schema as compared: components resolved, the 3.1 nullable forms read as one schema that also allows null. */
interface SchemaView {
  schema: Json;
  /** The JSON types it allows; undefined when it allows anything. */
  types?: Set<string>;
  /** The component it is, when it is one: changes inside it are reported under this name. */
  component?: string;
}

class OperationComparison {
  constructor(
    private readonly released: Json,
    private readonly current: Json,
    private readonly label: string,
    private readonly found: Findings,
  ) {}

  compare(old: Operation, next: Operation) {
    this.compareParameters(old, next);
    this.compareRequestBody(old.operation, next.operation);
    this.compareResponses(old.operation, next.operation);
  }

  private compareParameters(old: Operation, next: Operation) {
    for (const [key, parameter] of next.parameters) {
      if (parameter.in === 'path') continue;
      const was = old.parameters.get(key);
      const place = `${this.label} ${String(parameter.in)} parameter ${String(parameter.name)}`;
      if (parameter.required === true && was?.required !== true) this.found.add(place, 'now required', this.label);
      if (was) this.compareSchemas(was.schema, parameter.schema, 'request', place, [], this.label);
    }
    for (const [key, parameter] of old.parameters) {
      if (parameter.in !== 'query' || next.parameters.has(key)) continue;
      const place = `${this.label} query parameter ${String(parameter.name)}`;
      this.found.add(place, 'removed (a request that sends it is refused)', this.label, parameter.deprecated === true);
    }
  }

  private compareRequestBody(old: Json, next: Json) {
    const was = objectAt(old, 'requestBody');
    const now = objectAt(next, 'requestBody');
    const place = `${this.label} request body`;
    if (now.required === true && was.required !== true) this.found.add(place, 'now required', this.label);
    const nowContent = objectAt(now, 'content');
    for (const [mediaType, content] of Object.entries(objectAt(was, 'content'))) {
      if (!(mediaType in nowContent)) {
        if (Object.keys(now).length) this.found.add(place, `${mediaType} no longer accepted`, this.label);
        continue;
      }
      this.compareSchemas(
        objectAt(content, 'schema'),
        objectAt(nowContent[mediaType], 'schema'),
        'request',
        place,
        [],
        this.label,
      );
    }
  }

  private compareResponses(old: Json, next: Json) {
    const nowResponses = objectAt(next, 'responses');
    for (const [status, response] of Object.entries(objectAt(old, 'responses'))) {
      // Error answers share one problem+json shape; what a client builds on is the success answer.
      if (!status.startsWith('2')) continue;
      const place = `${this.label} ${status} response`;
      if (!(status in nowResponses)) {
        this.found.add(place, 'removed', this.label);
        continue;
      }
      const nowContent = objectAt(nowResponses[status], 'content');
      for (const [mediaType, content] of Object.entries(objectAt(response, 'content'))) {
        if (!(mediaType in nowContent)) {
          this.found.add(place, `${mediaType} no longer sent`, this.label);
          continue;
        }
        const usedIn = `${this.label} ${status}`;
        this.compareSchemas(
          objectAt(content, 'schema'),
          objectAt(nowContent[mediaType], 'schema'),
          'response',
          place,
          [],
          usedIn,
        );
      }
    }
  }

  /** `place` names where the schema is; `seen` holds the component pairs being compared above it (recursion). */
  private compareSchemas(
    oldSchema: unknown,
    newSchema: unknown,
    direction: Direction,
    place: string,
    seen: string[],
    usedIn: string,
  ) {
    if (!isObject(oldSchema) || !isObject(newSchema)) return;
    const old = view(this.released, oldSchema);
    const now = view(this.current, newSchema);
    const at = old.component ?? place;
    if (old.component && now.component) {
      const pair = `${old.component}>${now.component}`;
      if (seen.includes(pair)) return;
      seen = [...seen, pair];
    }
    const add = (what: string, announced?: boolean, where = at) => this.found.add(where, what, usedIn, announced);

    const [narrower, wider] = direction === 'response' ? [now.types, old.types] : [old.types, now.types];
    if (!covers(wider, narrower))
      add(`type changed from ${typeText(old.types)} to ${typeText(now.types)} in a ${direction}`);

    if (direction === 'request' && Array.isArray(now.schema.enum)) {
      const accepted = now.schema.enum;
      const before = Array.isArray(old.schema.enum) ? old.schema.enum : undefined;
      const refused = before?.filter((value) => !accepted.includes(value));
      if (!before) add(`now restricted to ${JSON.stringify(accepted)} in a request`);
      else if (refused?.length) add(`${JSON.stringify(refused)} no longer accepted in a request`);
    }

    if (isUnion(old.schema) || isUnion(now.schema)) {
      const members = (schema: Json) => unionMembers(schema).map((member) => JSON.stringify(member));
      const [fewer, more] =
        direction === 'response'
          ? [members(now.schema), members(old.schema)]
          : [members(old.schema), members(now.schema)];
      if (fewer.some((member) => !more.includes(member))) add(`alternatives changed in a ${direction}`);
      return;
    }

    const oldProperties = objectAt(old.schema, 'properties');
    const newProperties = objectAt(now.schema, 'properties');
    const oldRequired = requiredOf(old.schema);
    const newRequired = requiredOf(now.schema);
    for (const [name, property] of Object.entries(oldProperties)) {
      const announced = isObject(property) && property.deprecated === true;
      if (!(name in newProperties)) {
        if (direction === 'response') add('removed from a response', announced, `${at}.${name}`);
        else add('removed from a request (a request that sends it is refused)', announced, `${at}.${name}`);
        continue;
      }
      if (direction === 'response' && oldRequired.has(name) && !newRequired.has(name))
        add('no longer always present in a response', undefined, `${at}.${name}`);
      this.compareSchemas(property, newProperties[name], direction, `${at}.${name}`, seen, usedIn);
    }
    if (direction === 'request')
      for (const name of newRequired)
        if (!oldRequired.has(name) || !(name in oldProperties))
          add('now required in a request', undefined, `${at}.${name}`);

    if (isObject(old.schema.items) && isObject(now.schema.items))
      this.compareSchemas(old.schema.items, now.schema.items, direction, `${at}[]`, seen, usedIn);
  }
}

/** The schema behind references, `anyOf: [schema, {type: null}]` and a one-part `allOf`, with the types it allows. */
function view(document: Json, schema: Json): SchemaView {
  let nullable = false;
  let component: string | undefined;
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    if (typeof current.$ref === 'string') {
      const name = current.$ref.replace('#/components/schemas/', '');
      component ??= name;
      current = objectAt(objectAt(objectAt(document, 'components'), 'schemas'), name);
      continue;
    }
    const alternatives = (Array.isArray(current.anyOf) ? current.anyOf : current.oneOf) as unknown[] | undefined;
    if (Array.isArray(alternatives) && alternatives.length === 2 && alternatives.some(isNullSchema)) {
      nullable = true;
      current = alternatives.find((alternative) => !isNullSchema(alternative)) as Json;
      continue;
    }
    if (Array.isArray(current.allOf) && current.allOf.length === 1 && isObject(current.allOf[0])) {
      current = current.allOf[0];
      continue;
    }
    break;
  }
  if (Array.isArray(current.allOf)) current = mergeAllOf(document, current);
  const types = typesOf(current);
  if (types && nullable) types.add('null');
  return { schema: current, types, component };
}

const isNullSchema = (schema: unknown) => isObject(schema) && schema.type === 'null';
const isUnion = (schema: Json) => Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf);
const unionMembers = (schema: Json): unknown[] =>
  [schema.anyOf, schema.oneOf].flatMap((members) => (Array.isArray(members) ? members : []));
const requiredOf = (schema: Json) =>
  new Set(Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : []);

/** Every part's properties and required names in one schema: what a value of all of them has. */
function mergeAllOf(document: Json, schema: Json): Json {
  const parts = (schema.allOf as unknown[]).filter(isObject).map((part) => view(document, part).schema);
  const { allOf: _allOf, ...own } = schema;
  const properties = Object.assign(
    {},
    ...parts.map((part) => objectAt(part, 'properties')),
    objectAt(own, 'properties'),
  );
  const required = [...new Set([...parts, own].flatMap((part) => [...requiredOf(part)]))];
  return { type: 'object', ...own, properties, required };
}

function typesOf(schema: Json): Set<string> | undefined {
  if (Array.isArray(schema.type)) return new Set(schema.type.map(String));
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if (isObject(schema.properties)) return new Set(['object']);
  if (isObject(schema.items)) return new Set(['array']);
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((value) => (value === null ? 'null' : typeof value)));
  return undefined;
}

/** Whether every value `narrower` allows, `wider` allows too (an integer is a number). */
function covers(wider: Set<string> | undefined, narrower: Set<string> | undefined): boolean {
  if (!wider) return true;
  if (!narrower) return false;
  return [...narrower].every((type) => wider.has(type) || (type === 'integer' && wider.has('number')));
}

const typeText = (types: Set<string> | undefined) => (types ? [...types].sort().join(' | ') : 'any');
