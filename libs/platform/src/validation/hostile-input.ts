import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { BREAK, Kind, parse, visit, type ArgumentNode, type ValueNode, type VariableDefinitionNode } from 'graphql';
import { BadUserInputError, FieldError } from '../errors/app-error';
import { sendError } from '../errors/error-response';

/**
 * How deeply a JSON body may nest. The deepest input the platform declares is a few levels; without a
 * bound, a body nested thousands deep overflows the recursive transformers and validators (a 500).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Control characters no field of the platform holds: NUL (which PostgreSQL text refuses, a 500 at
 * the insert) and the other C0 controls and DEL. Tab, line feed and carriage return are text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A lone UTF-16 surrogate (JSON's "\ud800" with no partner): no character at all. With the `u` flag a
 * surrogate pair is one code point, not of this category, so only a lone half matches. It was a 500 twice
 * over: validator.js's isEmail throws a URIError on one, and PostgreSQL's jsonb refuses one in an event.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why the edge refuses this text, as the end of "<field> must ...", or undefined when it is text. */
function unfitText(text: string): string | undefined {
  if (CONTROL_CHARACTER.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}

/**
 * body-parser `verify`: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed. It reads
 * bytes, so it (and the platform) accepts UTF-8 JSON only: in UTF-16 a character such as U+2200 is the
 * bytes 00 22, which a byte scan would take for a quote, and a deep body would pass unseen.
 */
export function verifyJsonDepth(_req: IncomingMessage, _res: unknown, body: Buffer, encoding?: string): void {
  if (encoding && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') {
    throw Object.assign(new Error('The request body must be JSON in UTF-8'), {
      status: 400,
      type: 'charset.unsupported',
      expose: true,
    });
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      // A backslash escapes the next byte.
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        // body-parser keeps `status` and `type`; toAppError answers it as a 400.
        throw Object.assign(new Error(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`), {
          status: 400,
          type: 'entity.too.deep',
          expose: true,
        });
      }
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}

/**
 * Names every object has from Object.prototype (`toString`, `constructor`, `__proto__`...), and `prototype`.
 * No field of the platform is named so, and class-validator's whitelist looks a field up in a plain object,
 * so a body field of one of these names passed as known and was silently ignored (or, as `__proto__`,
 * could reach an object's prototype): refused at the edge as an unknown field.
 */
const PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A field the edge refuses, and why. */
export interface RefusedField {
  field: string;
  message: string;
}

/** The field refused for what its text holds, or undefined when the text is fit. */
function unfit(field: string, text: string): RefusedField | undefined {
  const why = unfitText(text);
  return why ? { field, message: `${field} ${why}` } : undefined;
}

/**
 * The first field of `value` (a parsed body, query or GraphQL variables) the edge refuses: text holding a
 * control character or a lone surrogate, or a key named after an Object.prototype member (`PROTOTYPE_NAMES`).
 */
export function refusedField(value: unknown, path: string): RefusedField | undefined {
  if (typeof value === 'string') return unfit(path, value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = refusedField(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const inKey = unfit(field, key);
      if (inKey) return inKey;
      if (PROTOTYPE_NAMES.has(key)) return { field, message: `property ${field} should not exist` };
      const found = refusedField(item, field);
      if (found) return found;
    }
  }
  return undefined;
}

/** The first argument of a GraphQL document whose literal value the edge refuses (as `refusedField` would). */
export function graphqlRefusedArgument(query: string): RefusedField | undefined {
  let document;
  try {
    document = parse(query);
  } catch {
    return undefined; // not GraphQL: the server answers that itself
  }
  const inValue = (value: ValueNode, path: string): RefusedField | undefined => {
    if (value.kind === Kind.STRING) return unfit(path, value.value);
    if (value.kind === Kind.LIST) return value.values.map((v, i) => inValue(v, `${path}[${i}]`)).find(Boolean);
    if (value.kind === Kind.OBJECT)
      return value.fields.map((f) => inValue(f.value, `${path}.${f.name.value}`)).find(Boolean);
    return undefined;
  };
  let found: RefusedField | undefined;
  visit(document, {
    Argument(node: ArgumentNode) {
      found ??= inValue(node.value, node.name.value);
      return found ? BREAK : false;
    },
    // A variable's default is a literal the resolvers get as well.
    VariableDefinition(node: VariableDefinitionNode) {
      if (node.defaultValue) found ??= inValue(node.defaultValue, node.variable.name.value);
      return found ? BREAK : false;
    },
  });
  return found;
}

function refusal(refused: RefusedField): BadUserInputError {
  return new BadUserInputError('The request has invalid fields', [refused satisfies FieldError]);
}

/**
 * The one check at the edge of every service for what no field holds: control characters and lone surrogates
 * in the path, the query string, a JSON body, and on /graphql the variables and the literal arguments of the document; and
 * keys named after Object.prototype members in the query, a body or the variables. REST callers get a 400
 * problem+json; GraphQL callers get a GraphQL error with BAD_USER_INPUT (and HTTP 200, so the gateway
 * passes the code on rather than reading a failed subgraph).
 */
export function refuseHostileFields() {
  return (req: Request, res: Response, next: NextFunction) => {
    const refused = ((): RefusedField | undefined => {
      let path: string;
      try {
        path = decodeURIComponent(req.path);
      } catch {
        return { field: 'path', message: 'path must be well-formed UTF-8, percent-encoded' };
      }
      const inPath = unfit('path', path);
      if (inPath) return inPath;
      const query = refusedField(req.query, '');
      if (query) return query;
      if (req.path === '/graphql' && req.body && typeof req.body === 'object') {
        const { query: document, variables } = req.body as { query?: unknown; variables?: unknown };
        const argument = typeof document === 'string' ? graphqlRefusedArgument(document) : undefined;
        return argument ?? refusedField(variables, '');
      }
      return refusedField(req.body, '');
    })();
    if (!refused) return next();
    const error = refusal(refused);
    if (req.path === '/graphql') {
      res.status(200).json({
        data: null,
        errors: [{ message: error.message, extensions: { code: error.code, fieldErrors: error.fieldErrors } }],
      });
      return;
    }
    sendError(req, res, error);
  };
}
