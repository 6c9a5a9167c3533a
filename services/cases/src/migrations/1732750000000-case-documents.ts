import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseDocuments1732750000000 implements MigrationInterface {
  name = 'CaseDocuments1732750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        document_type varchar(64) NOT NULL,
        channel varchar(16) NOT NULL CHECK (channel IN ('online', 'bulk-scan', 'email', 'post')),
        store_reference varchar(500) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('accepted', 'pending-review', 'rejected')),
        rejection_reason varchar(1000),
        received_at timestamptz NOT NULL,
        reviewed_by varchar(255),
        reviewed_at timestamptz
      )`);
    await q.query(`CREATE INDEX case_documents_case ON case_documents (case_id, received_at)`);
    // The review queue: documents waiting for a caseworker, oldest first.
    await q.query(
      `CREATE INDEX case_documents_pending ON case_documents (received_at) WHERE status = 'pending-review'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_documents');
  }
}
