import { and, execute, joinSql, query, queryOne, rawSql, sql, type Queryable } from './sql';

describe('sql', () => {
  it('turns every interpolated value into a numbered placeholder', () => {
    expect(sql`SELECT * FROM t WHERE a = ${1} AND b = ${'x'}`.toQuery()).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b = $2',
      values: [1, 'x'],
    });
  });

  it('splices fragments with their values renumbered in order', () => {
    const filter = sql`c.user_id = ${'u1'}`;
    const statement = sql`SELECT * FROM c WHERE c.status = ${'open'} AND ${filter} LIMIT ${10}`;
    expect(statement.toQuery()).toEqual({
      text: 'SELECT * FROM c WHERE c.status = $1 AND c.user_id = $2 LIMIT $3',
      values: ['open', 'u1', 10],
    });
  });

  it('never splices a value as text, whatever it holds', () => {
    const hostile = "'; DROP TABLE cases; --";
    expect(sql`SELECT ${hostile}`.toQuery()).toEqual({ text: 'SELECT $1', values: [hostile] });
  });

  it('ANDs the conditions that are present, true when none are', () => {
    expect(and([]).toQuery().text).toBe('true');
    expect(and([undefined, false]).toQuery().text).toBe('true');
    expect(and([sql`a = ${1}`, undefined, sql`b = ${2}`]).toQuery()).toEqual({
      text: '(a = $1) AND (b = $2)',
      values: [1, 2],
    });
  });

  it('joins fragments and takes trusted text as it is', () => {
    expect(joinSql([sql`${1}`, sql`${2}`, rawSql('now()')]).toQuery()).toEqual({
      text: '$1, $2, now()',
      values: [1, 2],
    });
    expect(joinSql([]).toQuery().text).toBe('');
  });
});

describe('query, queryOne, execute', () => {
  const runner = (result: unknown): Queryable & { calls: unknown[][] } => {
    const calls: unknown[][] = [];
    return { calls, query: async (text, values) => (calls.push([text, values]), result) };
  };

  it('passes the rendered statement and returns the rows', async () => {
    const db = runner([{ id: 'a' }]);
    expect(await query<{ id: string }>(db, sql`SELECT id FROM t WHERE id = ${'a'}`)).toEqual([{ id: 'a' }]);
    expect(db.calls).toEqual([['SELECT id FROM t WHERE id = $1', ['a']]]);
  });

  it("unwraps TypeORM's [rows, affected] answer to an UPDATE", async () => {
    expect(await query(runner([[{ id: 'a' }], 1]), sql`UPDATE t SET x = 1 RETURNING id`)).toEqual([{ id: 'a' }]);
    expect(await execute(runner([[], 3]), sql`UPDATE t SET x = 1`)).toBe(3);
    expect(await queryOne(runner([]), sql`SELECT 1`)).toBeUndefined();
  });
});
