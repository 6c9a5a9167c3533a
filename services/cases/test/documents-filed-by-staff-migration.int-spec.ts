import { migrationUnderTest } from '@ccsc/testing';
import { casesDatabase } from '../src/data-source';

// The migration that records who filed a document, run on documents from before it, and undone.
describe('migration: documents filed by staff', () => {
  const { at, connect } = migrationUnderTest(
    'cases_documents_filed_by_staff',
    casesDatabase,
    'DocumentsFiledByStaff1736100100000',
  );

  it('keeps documents accepted before it counting as evidence, leaves those waiting to review, and is undone by down', async () => {
    expect(at).toBeGreaterThan(0);
    const caseId = '00000000-0000-4000-8000-0000000000a1';
    const before = await connect(false);
    try {
      await before.query(
        `INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version)
         VALUES ($1, '1234567890123456', 'immigration-status-review', 'Investigation', 'seed', now(), now(), 1)`,
        [caseId],
      );
      for (const [id, channel, status] of [
        ['00000000-0000-4000-8000-0000000000d1', 'online', 'accepted'],
        ['00000000-0000-4000-8000-0000000000d2', 'post', 'pending-review'],
      ])
        await before.query(
          `INSERT INTO case_documents (id, case_id, title, document_type, channel, store_reference, status, received_at)
           VALUES ($1, $2, 'doc', 'evidence', $3, 'dm-store://documents/x', $4, now())`,
          [id, caseId, channel, status],
        );
    } finally {
      await before.destroy();
    }

    const after = await connect(true);
    try {
      await after.runMigrations({ transaction: 'each' });
      expect(await after.query(`SELECT channel, filed_by_staff FROM case_documents ORDER BY id`)).toEqual([
        { channel: 'online', filed_by_staff: true },
        { channel: 'post', filed_by_staff: false },
      ]);
      // The previous release, still running during the rollout, files without the column: a party's, not evidence.
      await after.query(
        `INSERT INTO case_documents (id, case_id, title, document_type, channel, store_reference, status, received_at)
         VALUES ('00000000-0000-4000-8000-0000000000d3', $1, 'doc', 'evidence', 'online', 'dm-store://documents/y', 'accepted', now())`,
        [caseId],
      );
      expect(
        await after.query(
          `SELECT filed_by_staff FROM case_documents WHERE id = '00000000-0000-4000-8000-0000000000d3'`,
        ),
      ).toEqual([{ filed_by_staff: false }]);
      await after.undoLastMigration({ transaction: 'each' });
      const columns = (await after.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'case_documents' AND column_name = 'filed_by_staff'`,
      )) as unknown[];
      expect(columns).toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
