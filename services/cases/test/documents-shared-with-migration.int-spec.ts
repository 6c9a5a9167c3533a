import { migrationUnderTest } from '@ccsc/testing';
import { casesDatabase } from '../src/data-source';

// The migration that records who a document is for, run on documents from before it, and undone.
describe('migration: documents shared with', () => {
  const { at, connect } = migrationUnderTest(
    'cases_documents_shared_with',
    casesDatabase,
    'DocumentsSharedWith1736200000000',
  );

  it('shares documents held before it with the parties, filed for nobody, takes only its two sharings, and is undone by down', async () => {
    expect(at).toBeGreaterThan(0);
    const caseId = '00000000-0000-4000-8000-0000000000a1';
    const before = await connect(false);
    try {
      await before.query(
        `INSERT INTO cases (id, reference, case_type, state, created_by, created_at, updated_at, version)
         VALUES ($1, '1234567890123456', 'civil-money-claim', 'Draft', 'seed', now(), now(), 1)`,
        [caseId],
      );
      await before.query(
        `INSERT INTO case_documents (id, case_id, title, document_type, channel, store_reference, status, received_at)
         VALUES ('00000000-0000-4000-8000-0000000000d1', $1, 'doc', 'evidence', 'online', 'dm-store://x', 'accepted', now())`,
        [caseId],
      );
    } finally {
      await before.destroy();
    }

    const after = await connect(true);
    try {
      await after.runMigrations({ transaction: 'each' });
      expect(await after.query(`SELECT shared_with, filed_for FROM case_documents`)).toEqual([
        { shared_with: 'parties', filed_for: [] },
      ]);
      await expect(after.query(`UPDATE case_documents SET shared_with = 'everyone'`)).rejects.toThrow(/check/);
      await after.undoLastMigration({ transaction: 'each' });
      const columns = (await after.query(
        `SELECT column_name FROM information_schema.columns
         WHERE table_name = 'case_documents' AND column_name IN ('shared_with', 'filed_for')`,
      )) as unknown[];
      expect(columns).toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
