import { graphqlRefusedArgument, MAX_JSON_DEPTH, refusedField, verifyJsonDepth } from './hostile-input';

describe('the edge check for control characters', () => {
  it('names the first field of a body, query or variables that holds one', () => {
    const field = (value: unknown) => refusedField(value, '')?.field;
    expect(field({ name: 'Alex', parties: [{ name: 'ok' }, { name: 'A\u0000B' }] })).toBe('parties[1].name');
    expect(field({ q: 'x\u001bY' })).toBe('q');
    expect(field({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(refusedField({ q: 'x\u001bY' }, '')?.message).toBe('q must not contain control characters');
  });

  it('lets text with tabs, line breaks and any printable character through', () => {
    expect(
      refusedField({ message: 'Line one\r\n\tLine two — Llŷr, 50%', n: 5, ok: true, none: null }, ''),
    ).toBeUndefined();
  });

  it("refuses a key named after an Object.prototype member, which class-validator's whitelist took as known", () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__']) {
      expect(refusedField(JSON.parse(`{"caseType":"x","${key}":{"representedBy":"firm-b"}}`), '')).toEqual({
        field: key,
        message: `property ${key} should not exist`,
      });
      expect(refusedField(JSON.parse(`{"parties":[{"name":"K","contact":{"${key}":"x"}}]}`), '')?.field).toBe(
        `parties[0].contact.${key}`,
      );
    }
    // Values and names that only look like them are fields like any other.
    expect(refusedField({ name: 'constructor', prototypeId: 'x', toStringy: 1 }, '')).toBeUndefined();
  });

  it('names the GraphQL argument whose literal holds one, however deep', () => {
    const argument = (query: string) => graphqlRefusedArgument(query)?.field;
    expect(argument('mutation { a(input: { parties: [{ name: "A\\u0000B" }] }) { id } }')).toBe(
      'input.parties[0].name',
    );
    expect(argument('{ case(id: "1") { readiness(event: "x\\u0007") { ready } } }')).toBe('event');
    // graphql-js refuses a lone surrogate in a literal as a syntax error (GRAPHQL_PARSE_FAILED) itself.
    expect(argument('{ case(id: "1") { readiness(event: "x\\ud800") { ready } } }')).toBeUndefined();
    expect(argument('{ case(id: "1") { readiness(event: "submit") { ready } } }')).toBeUndefined();
    expect(argument('not graphql {')).toBeUndefined();
    // A variable's default value is a literal too.
    expect(argument('query($n: String = "a\\u0000b") { case(id: $n) { id } }')).toBe('n');
  });

  it('refuses a lone surrogate, which is no character (validator.js threw on one, jsonb refused one: two 500s)', () => {
    for (const text of ['a\ud800@example.com', '\udc00x', 'x\ud83d']) {
      expect(refusedField({ contact: { email: text } }, '')).toEqual({
        field: 'contact.email',
        message: 'contact.email must be well-formed Unicode (it holds a lone surrogate)',
      });
    }
    expect(refusedField({ ['k\ud800']: 1 }, '')?.field).toBe('k\ud800');
    // A pair is one character: emoji and every other astral character are text.
    expect(refusedField({ name: 'Llŷr 😀 𝒜', list: ['\ud83d\ude00'] }, '')).toBeUndefined();
  });
});

describe('the JSON depth limit', () => {
  const nested = (depth: number) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it(`takes a body nested ${MAX_JSON_DEPTH} deep and refuses one deeper, with a 400`, () => {
    expect(() => verifyJsonDepth({} as never, undefined, nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => verifyJsonDepth({} as never, undefined, nested(MAX_JSON_DEPTH + 1))).toThrow(
      expect.objectContaining({ status: 400, type: 'entity.too.deep' }),
    );
  });

  it('takes UTF-8 only: in UTF-16 a character can hide a quote byte and with it a deep body', () => {
    const body = Buffer.from(`{"a":"\u2200","b":${'['.repeat(100)}`, 'utf16le');
    expect(() => verifyJsonDepth({} as never, undefined, body, 'utf-16le')).toThrow(
      expect.objectContaining({ status: 400, type: 'charset.unsupported' }),
    );
    expect(() => verifyJsonDepth({} as never, undefined, nested(2), 'utf-8')).not.toThrow();
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(() =>
      verifyJsonDepth({} as never, undefined, Buffer.from(JSON.stringify({ text: `\\"${'['.repeat(100)}` }))),
    ).not.toThrow();
  });
});
