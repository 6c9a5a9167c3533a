import {
  controlCharacterField,
  graphqlControlCharacterArgument,
  MAX_JSON_DEPTH,
  verifyJsonDepth,
} from './hostile-input';

describe('the edge check for control characters', () => {
  it('names the first field of a body, query or variables that holds one', () => {
    expect(controlCharacterField({ name: 'Alex', parties: [{ name: 'ok' }, { name: 'A\u0000B' }] }, '')).toBe(
      'parties[1].name',
    );
    expect(controlCharacterField({ q: 'x\u001bY' }, '')).toBe('q');
    expect(controlCharacterField({ ['bad\u0000key']: 1 }, '')).toBe('bad\u0000key');
  });

  it('lets text with tabs, line breaks and any printable character through', () => {
    expect(
      controlCharacterField({ message: 'Line one\r\n\tLine two — Llŷr, 50%', n: 5, ok: true, none: null }, ''),
    ).toBeUndefined();
  });

  it('names the GraphQL argument whose literal holds one, however deep', () => {
    expect(graphqlControlCharacterArgument('mutation { a(input: { parties: [{ name: "A\\u0000B" }] }) { id } }')).toBe(
      'input.parties[0].name',
    );
    expect(graphqlControlCharacterArgument('{ case(id: "1") { readiness(event: "x\\u0007") { ready } } }')).toBe(
      'event',
    );
    expect(
      graphqlControlCharacterArgument('{ case(id: "1") { readiness(event: "submit") { ready } } }'),
    ).toBeUndefined();
    expect(graphqlControlCharacterArgument('not graphql {')).toBeUndefined();
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
