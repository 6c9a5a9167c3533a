import { decodeCursor, encodeCursor, pageSize, startAfter, toPage } from './cursor';

const forged = (position: unknown[]) => Buffer.from(JSON.stringify(position)).toString('base64url');
const refused = expect.objectContaining({
  code: 'BAD_USER_INPUT',
  fieldErrors: [{ field: 'cursor', message: 'is not a valid cursor' }],
});

describe('cursors', () => {
  const position = { createdAt: new Date('2026-12-07T10:00:00.123Z'), id: '3f1c2a52-6d7e-4c1b-9a8f-0e2d4b6c8a10' };

  it('name again the position they were made from', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse as bad input, naming the field, anything this API could not have issued', () => {
    for (const cursor of [
      'not base64 json',
      forged(['2026-01-01T00:00:00Z', 'not-a-uuid']),
      forged(['2026-01-01T00:00:00Z', 'a\u0000b']),
      forged(['2026-01-01T00:00:00Z', '\ud800']),
      forged(['2026-01-01T00:00:00Z', 42]),
      forged(['not a time', position.id]),
      forged(['+010000-01-01T00:00:00Z', position.id]),
      forged({ length: 2 } as never),
    ])
      expect(() => decodeCursor(cursor, 'cursor')).toThrow(refused);
  });

  it('start a list at its first page only when none is given: an empty cursor is refused, not read as none', () => {
    expect(startAfter(undefined, 'cursor')).toBeUndefined();
    expect(startAfter(null, 'cursor')).toBeUndefined();
    expect(startAfter(encodeCursor(position), 'cursor')).toEqual(position);
    expect(() => startAfter('', 'cursor')).toThrow(refused);
  });

  it("take another kind of id where the list says so (the ledger's positions)", () => {
    const entry = encodeCursor({ createdAt: position.createdAt, id: '12345' });
    expect(decodeCursor(entry, 'cursor', (id) => /^\d{1,18}$/.test(id))).toEqual({ ...position, id: '12345' });
    expect(() => decodeCursor(entry, 'cursor')).toThrow(refused);
  });
});

describe('pages', () => {
  it('are the rows asked for, with a cursor only when one more row was found', () => {
    const rows = [1, 2, 3].map((i) => ({ createdAt: new Date(Date.UTC(2026, 0, i)), id: `row-${i}` }));
    expect(toPage(rows, 3)).toEqual({ items: rows, nextCursor: null });
    const page = toPage(rows, 2);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor!, 'after', () => true)).toEqual(rows[1]);
  });

  it('have a size between 1 and 100, 20 when none is asked for', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    for (const size of [0, 101, 1.5, -1])
      expect(() => pageSize(size, 'first')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
