import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { EnquiryQueries } from '../src/enquiry/application/enquiry.queries';
import { startQueriesApp } from './queries-app';
import { indexConditions } from '@ccsc/testing';

// A firm's enquiries are those of its contacts: the list and Case.enquiries find them through an index on the firm.
describe("a firm's enquiries", () => {
  let app: INestApplication;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startQueriesApp());
  });
  afterAll(() => close());

  it('are found through an index on the contact firm', async () => {
    const dataSource = app.get(DataSource);
    const principal: Principal = { sub: 'solicitor-sam', roles: ['professional'], organisationId: 'org-1' };
    const calls: [string, unknown[]][] = [];
    const manager = dataSource.manager;
    const query = manager.query.bind(manager);
    const spy = jest.spyOn(manager, 'query').mockImplementation(async (sql: string, params?: unknown) => {
      calls.push([sql, (params as unknown[] | undefined) ?? []]);
      return query(sql, params as unknown[] | undefined);
    });
    try {
      await app.get(EnquiryQueries).list(principal, 20);
    } finally {
      spy.mockRestore();
    }
    const [sql, params] = calls.find(([s]) => s.includes('ct.organisation_id'))!;
    expect((await indexConditions(dataSource, sql, params)).some((c) => c.includes('organisation_id'))).toBe(true);
  });
});
