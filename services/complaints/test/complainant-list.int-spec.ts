import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { ComplaintQueries } from '../src/complaint/application/complaint.queries';
import { startComplaintsApp } from './complaints-app';
import { indexConditions } from '@ccsc/testing';

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
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(async (sql: string, params?: unknown) => {
      calls.push([sql, (params as unknown[] | undefined) ?? []]);
      return query(sql, params as unknown[] | undefined);
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
