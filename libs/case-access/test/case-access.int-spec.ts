import { randomUUID } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { caseAccessChangedV2 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { query, serviceDataSourceOptions, sql } from '@ccsc/platform';
import { caseAccessData, createTestDatabase, eventEnvelope, TestDatabase } from '@ccsc/testing';
import { addCaseAccessParties, CaseAccess, createCaseAccessTable } from '../src';

class CaseAccessTable1700000000000 implements MigrationInterface {
  name = 'CaseAccessTable1700000000000';
  up = async (q: QueryRunner) => {
    await createCaseAccessTable(q);
    await addCaseAccessParties(q);
  };
  down = () => Promise.resolve();
}

const staff: Principal = { sub: 'officer-1', roles: ['caseworker'] };
const firmA: Principal = { sub: 'sol-1', roles: ['professional'], organisationId: 'org-a' };
const firmB: Principal = { sub: 'sol-2', roles: ['professional'], organisationId: 'org-b' };
const citizen: Principal = { sub: 'user-7', roles: ['citizen'] };

interface Announced {
  caseId: string;
  reference: string;
  organisations: string[];
  users: string[];
}
const accessEvent = ({ caseId, reference, ...audience }: Announced, sequence: number, time = new Date()) =>
  eventEnvelope(caseAccessChangedV2, caseId, caseAccessData(caseId, reference, audience, sequence), { time });

describe('case access projection (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let access: CaseAccess;
  let handlers: EventHandlers;
  const caseId = randomUUID();
  const reference = '1234567890123452';

  beforeAll(async () => {
    database = await createTestDatabase('case_access', { entities: [], migrations: [CaseAccessTable1700000000000] });
    dataSource = await new DataSource(
      serviceDataSourceOptions(database.url, { entities: [], migrations: [] }, 2),
    ).initialize();
    handlers = new EventHandlers();
    access = new CaseAccess(dataSource, handlers);
    access.onModuleInit();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const apply = (data: Announced, sequence: number, time?: Date) =>
    dataSource.transaction((m) => handlers.handlers[caseAccessChangedV2.type]!(accessEvent(data, sequence, time), m));

  it('lets staff see any case, and others only cases that admit them', async () => {
    await apply({ caseId, reference, organisations: ['org-a'], users: ['user-7'] }, 1);
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

  it('moves with representation, and a late older event does not undo a newer one, whatever its clock says', async () => {
    await apply({ caseId, reference, organisations: ['org-b'], users: [] }, 3);
    await apply(
      { caseId, reference, organisations: ['org-a'], users: ['user-7'] },
      2,
      new Date('9999-12-31T00:00:00Z'),
    );
    expect(await access.canSee(firmA, caseId)).toBe(false);
    expect(await access.canSee(firmB, caseId)).toBe(true);
    expect(await access.canSee(citizen, caseId)).toBe(false);
  });

  it('tells for which party of the case a caller acts', async () => {
    const parties = [
      { partyId: randomUUID(), role: 'claimant', userId: 'user-7', organisationId: 'org-a' },
      { partyId: randomUUID(), role: 'defendant', organisationId: 'org-b' },
    ];
    const id = randomUUID();
    await dataSource.transaction((m) =>
      handlers.handlers[caseAccessChangedV2.type]!(
        eventEnvelope(caseAccessChangedV2, id, { caseId: id, reference: '5555666677778888', sequence: 4, parties }),
        m,
      ),
    );
    expect((await access.partiesActedFor(firmA, id)).map((p) => p.role)).toEqual(['claimant']);
    expect((await access.partiesActedFor(citizen, id)).map((p) => p.role)).toEqual(['claimant']);
    expect((await access.partiesActedFor(firmB, id)).map((p) => p.role)).toEqual(['defendant']);
    expect(await access.partiesActedFor(staff, id)).toEqual([]);
    expect(await access.partiesActedFor(firmA, randomUUID())).toEqual([]);
    expect(await access.canSee(firmB, id)).toBe(true);
  });

  it('filters lists in SQL by the same rule', async () => {
    const other = randomUUID();
    await apply({ caseId: other, reference: '1111222233334444', organisations: ['org-a'], users: [] }, 1);
    const listFor = async (principal: Principal) => {
      const rows = await query<{ case_id: string }>(
        dataSource,
        sql`SELECT t.case_id FROM (SELECT unnest(${[caseId, other]}::uuid[]) AS case_id) t WHERE ${access.filter(principal, 't.case_id')} ORDER BY 1`,
      );
      return rows.map((r) => r.case_id);
    };
    expect(await listFor(staff)).toEqual([caseId, other].sort());
    expect(await listFor(firmA)).toEqual([other]);
    expect(await listFor(firmB)).toEqual([caseId]);
    expect(await listFor({ sub: 'x', roles: ['citizen'] })).toEqual([]);
  });
});
