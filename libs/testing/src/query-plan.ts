import type { DataSource } from 'typeorm';

/**
 * The index conditions of the plan PostgreSQL would use for a statement, with sequential scans ruled
 * out so that an index is chosen whenever one fits: a test that a hot query has its index.
 */
export async function indexConditions(dataSource: DataSource, sql: string, params: unknown[]): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL enable_seqscan = off');
    const [row] = (await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as [{ 'QUERY PLAN': unknown }];
    const conditions: string[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (typeof n['Index Cond'] === 'string') conditions.push(n['Index Cond']);
      Object.values(n).forEach((v) => (Array.isArray(v) ? v.forEach(walk) : walk(v)));
    };
    walk(row['QUERY PLAN']);
    return conditions;
  });
}
