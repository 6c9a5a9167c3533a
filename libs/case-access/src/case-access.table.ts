import type { QueryRunner } from 'typeorm';

export const CASE_ACCESS_TABLE = 'case_access';

/**
 * The projection of cases' access events, for a service's own migration. `changed_at` is the
 * event's time: an older event delivered late never overwrites a newer one.
 */
export async function createCaseAccessTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE ${CASE_ACCESS_TABLE} (
      case_id uuid PRIMARY KEY,
      reference char(16) NOT NULL,
      organisations text[] NOT NULL DEFAULT '{}',
      users text[] NOT NULL DEFAULT '{}',
      changed_at timestamptz NOT NULL
    )`);
  await q.query(`CREATE INDEX case_access_organisations ON ${CASE_ACCESS_TABLE} USING gin (organisations)`);
  await q.query(`CREATE INDEX case_access_users ON ${CASE_ACCESS_TABLE} USING gin (users)`);
  await q.query(`CREATE UNIQUE INDEX case_access_reference ON ${CASE_ACCESS_TABLE} (reference)`);
}

export async function dropCaseAccessTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE ${CASE_ACCESS_TABLE}`);
}
