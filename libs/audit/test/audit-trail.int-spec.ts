import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { serviceDataSourceOptions } from '@ccsc/platform';
import { inWorkScope, noteActingFor } from '@ccsc/platform/work-scope';
import { createTestDatabase, TestDatabase } from '@ccsc/testing';
import {
  auditCsv,
  auditRecords,
  createAuditTrailTable,
  purgeExpiredAuditRecords,
  recordChange,
  recordRead,
} from '../src';

class AuditSchema1735300000000 implements MigrationInterface {
  async up(q: QueryRunner) {
    await createAuditTrailTable(q);
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE audit_trail');
  }
}

const [EVENT_1, EVENT_2, EVENT_3] = [
  '8e0c2f3a-1b2c-4d5e-8f90-a1b2c3d4e5f1',
  '8e0c2f3a-1b2c-4d5e-8f90-a1b2c3d4e5f2',
  '8e0c2f3a-1b2c-4d5e-8f90-a1b2c3d4e5f3',
];
const officer = { sub: 'officer-olu', roles: ['finance-officer'] };
const firm = { sub: 'solicitor-sam', roles: ['professional'], organisationId: 'org-firm' };

describe('the audit trail (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('audit', { entities: [], migrations: [AuditSchema1735300000000] });
    dataSource = await new DataSource(
      serviceDataSourceOptions(db.url, { entities: [], migrations: [] }, 4),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const all = async () => (await auditRecords(dataSource.manager, {}, 100)).items;

  it('records a change in its transaction, as the request caller, in the operation it was named, for the parties acted for', async () => {
    await inWorkScope(
      {
        correlationId: 'corr-1',
        operation: 'mutation approveRefund',
        actor: () => officer,
        namedRecords: ['refund-1'],
      },
      () =>
        dataSource.transaction(async (manager) => {
          noteActingFor(['party-claimant']);
          await recordChange(manager, {
            actor: officer.sub,
            events: [{ type: 'payments.refund-status-changed.v2', subject: 'refund-1', id: EVENT_1 }],
          });
        }),
    );
    // A change rolled back leaves no record: the trail has it if and only if the change committed.
    await expect(
      inWorkScope({ operation: 'mutation approveRefund', actor: () => officer }, () =>
        dataSource.transaction(async (manager) => {
          await recordChange(manager, {
            actor: officer.sub,
            events: [{ type: 'x.v1', subject: 'refund-2', id: EVENT_2 }],
          });
          throw new Error('the change failed');
        }),
      ),
    ).rejects.toThrow('the change failed');

    const records = (await auditRecords(dataSource.manager, { actor: officer.sub, kind: 'change' }, 10)).items;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: 'change',
      actor: 'officer-olu',
      roles: ['finance-officer'],
      operation: 'mutation approveRefund',
      recordType: 'change',
      recordIds: ['refund-1'],
      events: ['payments.refund-status-changed.v2'],
      actingFor: ['party-claimant'],
      correlationId: 'corr-1',
      causedBy: null,
    });
  });

  it('records what a consumer changes as the system, with the event it follows from', async () => {
    const causedBy = '0b6f1c9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
    await inWorkScope({ operation: 'on cases.case-issued.v2', causedBy, actor: () => officer }, () =>
      dataSource.transaction((manager) =>
        recordChange(manager, {
          actor: 'officer-olu',
          events: [{ type: 'y.v1', subject: 'account-9', id: EVENT_3 }],
        }),
      ),
    );
    const [record] = (await auditRecords(dataSource.manager, { recordId: 'account-9' }, 10)).items;
    expect(record).toMatchObject({
      actor: 'system',
      roles: ['system'],
      operation: 'on cases.case-issued.v2',
      causedBy,
    });
  });

  it('records a read of a whole list as one record naming every record and party shown, and whom the reader acts for', async () => {
    await inWorkScope({ operation: 'query cases', actor: () => firm }, async () => {
      noteActingFor(['party-claimant']);
      await recordRead(dataSource.manager, firm, {
        recordType: 'case',
        recordIds: ['case-1', 'case-2', 'case-1'],
        partyIds: ['party-claimant', 'party-defendant'],
      });
      // The same case shown again in the same request (its hearings, its documents) is the same look.
      await recordRead(dataSource.manager, firm, { recordType: 'case', recordIds: ['case-2'] });
    });
    // Nothing shown, nothing to record.
    await recordRead(dataSource.manager, firm, { recordType: 'case', recordIds: [] });

    const reads = (await auditRecords(dataSource.manager, { actor: firm.sub }, 10)).items;
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      kind: 'read',
      organisationId: 'org-firm',
      actingFor: ['party-claimant'],
      recordType: 'case',
      recordIds: ['case-1', 'case-2'],
      partyIds: ['party-claimant', 'party-defendant'],
    });
    // "Everyone who saw party Y's details", "everyone who touched record Z".
    expect(
      (await auditRecords(dataSource.manager, { partyId: 'party-defendant' }, 10)).items.map((r) => r.actor),
    ).toEqual([firm.sub]);
    expect((await auditRecords(dataSource.manager, { recordId: 'case-2' }, 10)).items).toHaveLength(1);
  });

  it('answers "everything X did on a day" by period, newest first, a page at a time', async () => {
    const day = new Date('2026-12-03T00:00:00Z');
    for (let hour = 9; hour < 14; hour++)
      await dataSource.query(
        `INSERT INTO audit_trail (at, kind, actor, roles, operation, record_type, record_ids) VALUES ($1, 'read', 'officer-x', '{caseworker}', 'query case', 'case', ARRAY[$2])`,
        [new Date(day.getTime() + hour * 3_600_000), `case-h${hour}`],
      );
    await dataSource.query(
      `INSERT INTO audit_trail (at, kind, actor, roles, operation, record_type, record_ids) VALUES ('2026-12-04T09:00:00Z', 'read', 'officer-x', '{caseworker}', 'query case', 'case', '{case-next-day}')`,
    );
    const filter = { actor: 'officer-x', from: day, to: new Date('2026-12-04T00:00:00Z') };
    const first = await auditRecords(dataSource.manager, filter, 3);
    expect(first.items.map((r) => r.recordIds[0])).toEqual(['case-h13', 'case-h12', 'case-h11']);
    const second = await auditRecords(dataSource.manager, filter, 3, first.nextCursor!);
    expect(second.items.map((r) => r.recordIds[0])).toEqual(['case-h10', 'case-h9']);
    expect(second.nextCursor).toBeNull();
  });

  it('is append-only in the database: no update, no delete, no truncate; only the purge past retention removes', async () => {
    const [{ id }] = (await dataSource.query(`SELECT id FROM audit_trail LIMIT 1`)) as { id: string }[];
    await expect(dataSource.query(`UPDATE audit_trail SET actor = 'someone-else' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_trail WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_trail`)).rejects.toThrow(/append-only/);
    const before = (await all()).length;

    await dataSource.query(
      `INSERT INTO audit_trail (at, kind, actor, roles, operation, record_type, record_ids) VALUES (now() - interval '7 years 1 day', 'read', 'long-gone', '{caseworker}', 'query case', 'case', '{case-old}')`,
    );
    expect(await purgeExpiredAuditRecords(dataSource.manager)).toBe(1);
    expect((await all()).length).toBe(before);
  });

  it('exports as CSV that a spreadsheet cannot run', () => {
    const csv = auditCsv('payments', [
      {
        id: 'a',
        at: new Date('2026-12-03T10:00:00Z'),
        kind: 'read',
        actor: '=HYPERLINK("x")',
        roles: ['caseworker', 'team-leader'],
        organisationId: null,
        actingFor: [],
        operation: 'GET /api/v1/payments/payments/:id',
        recordType: 'payment',
        recordIds: ['p1', 'p2'],
        partyIds: [],
        events: [],
        correlationId: 'c, "quoted"',
        causedBy: null,
      },
    ]);
    const [header, line] = csv.trim().split('\n');
    expect(header).toBe(
      'service,at,kind,actor,roles,organisationId,actingFor,operation,recordType,recordIds,partyIds,events,correlationId,causedBy',
    );
    expect(line).toBe(
      `payments,2026-12-03T10:00:00.000Z,read,"'=HYPERLINK(""x"")",caseworker team-leader,,,GET /api/v1/payments/payments/:id,payment,p1 p2,,,"c, ""quoted""",`,
    );
  });
});
