import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { ComplaintQueries } from '../src/complaint/application/complaint.queries';
import { startComplaintsApp } from './complaints-app';

/** The plan PostgreSQL would use for a statement, with sequential scans ruled out so an index is chosen when one fits. */
async function indexConditions(dataSource: DataSource, sql: string, params: unknown[]): Promise<string[]> {
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

// The public form's "my complaints": the list is found through the complainant, not by walking every complaint.
describe('a complainant listing their complaints', () => {
  let app: INestApplication;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startComplaintsApp());
  });
  afterAll(() => close());

  it.each([
    ['citizen', { sub: 'citizen-cai', roles: ['citizen'] }, 'complainant_user_id'],
    ['firm', { sub: 'solicitor-sam', roles: ['professional'], organisationId: 'org-1' }, 'complainant_organisation_id'],
  ] as [string, Principal, string][])('uses an index on the complainant for a %s', async (_who, principal, column) => {
    const dataSource = app.get(DataSource);
    const calls: [string, unknown[]][] = [];
    const query = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(async (sql: string, params?: unknown[]) => {
      calls.push([sql, params ?? []]);
      return query(sql, params);
    });
    try {
      await app.get(ComplaintQueries).list(principal, 20);
    } finally {
      spy.mockRestore();
    }
    const [sql, params] = calls.find(([s]) => s.includes('FROM complaints c'))!;
    expect((await indexConditions(dataSource, sql, params)).some((c) => c.includes(column))).toBe(true);
  });
});
