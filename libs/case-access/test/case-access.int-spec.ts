import { randomUUID } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { caseAccessChangedV1, CaseAccessChangedV1 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { serviceDataSourceOptions } from '@ccsc/platform';
import { createTestDatabase, eventEnvelope, TestDatabase } from '@ccsc/testing';
import { CaseAccess, createCaseAccessTable } from '../src';

class CaseAccessTable1700000000000 implements MigrationInterface {
  name = 'CaseAccessTable1700000000000';
  up = (q: QueryRunner) => createCaseAccessTable(q);
  down = () => Promise.resolve();
}

const staff: Principal = { sub: 'officer-1', roles: ['caseworker'] };
const firmA: Principal = { sub: 'sol-1', roles: ['professional'], organisationId: 'org-a' };
const firmB: Principal = { sub: 'sol-2', roles: ['professional'], organisationId: 'org-b' };
const citizen: Principal = { sub: 'user-7', roles: ['citizen'] };

const accessEvent = (data: CaseAccessChangedV1, time: string) => eventEnvelope(caseAccessChangedV1, data.caseId, data, { time });

describe('case access projection (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let access: CaseAccess;
  let handlers: EventHandlers;
  const caseId = randomUUID();
  const reference = '1234567890123452';

  beforeAll(async () => {
    database = await createTestDatabase('case_access', { entities: [], migrations: [CaseAccessTable1700000000000] });
    dataSource = await new DataSource(serviceDataSourceOptions(database.url, { entities: [], migrations: [] }, 2)).initialize();
    handlers = new EventHandlers();
    access = new CaseAccess(dataSource, handlers);
    access.onModuleInit();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const apply = (data: CaseAccessChangedV1, time: string) => dataSource.transaction((m) => handlers.handlers[caseAccessChangedV1.type]!(accessEvent(data, time), m));

  it('lets staff see any case, and others only cases that admit them', async () => {
    await apply({ caseId, reference, organisations: ['org-a'], users: ['user-7'] }, '2026-01-01T10:00:00Z');
    expect(await access.exists(caseId)).toBe(true);
    expect(await access.exists(randomUUID())).toBe(false);
    expect(await access.idOfReference('1234-5678-9012-3452')).toBe(caseId);
    expect(await access.canSee(firmA, caseId)).toBe(true);
    expect(await access.canSee(firmB, caseId)).toBe(false);
    expect(await access.canSee(citizen, caseId)).toBe(true);
    const unknown = randomUUID();
    expect(await access.visible(staff, [caseId, unknown])).toEqual(new Set([caseId, unknown]));
    expect(await access.visible(firmA, [caseId, unknown])).toEqual(new Set([caseId]));
  });

  it('moves with representation, and a late older event does not undo a newer one', async () => {
    await apply({ caseId, reference, organisations: ['org-b'], users: [] }, '2026-01-02T10:00:00Z');
    await apply({ caseId, reference, organisations: ['org-a'], users: ['user-7'] }, '2026-01-01T12:00:00Z');
    expect(await access.canSee(firmA, caseId)).toBe(false);
    expect(await access.canSee(firmB, caseId)).toBe(true);
    expect(await access.canSee(citizen, caseId)).toBe(false);
  });

  it('filters lists in SQL by the same rule', async () => {
    const other = randomUUID();
    await apply({ caseId: other, reference: '1111222233334444', organisations: ['org-a'], users: [] }, '2026-01-03T10:00:00Z');
    const listFor = async (principal: Principal) => {
      const filter = access.sqlFilter(principal, 't.case_id', 2);
      const rows = (await dataSource.query(`SELECT t.case_id FROM (SELECT unnest($1::uuid[]) AS case_id) t WHERE ${filter.sql} ORDER BY 1`, [[caseId, other], ...filter.params])) as { case_id: string }[];
      return rows.map((r) => r.case_id);
    };
    expect(await listFor(staff)).toEqual([caseId, other].sort());
    expect(await listFor(firmA)).toEqual([other]);
    expect(await listFor(firmB)).toEqual([caseId]);
    expect(await listFor({ sub: 'x', roles: ['citizen'] })).toEqual([]);
  });
});
