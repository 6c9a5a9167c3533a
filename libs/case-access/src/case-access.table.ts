import type { MigrationInterface, QueryRunner } from 'typeorm';

export const CASE_ACCESS_TABLE = 'case_access';

/** The projection of cases' access events, as first created (v1), for a service's first migration. */
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

/**
 * Access v2: the parties (role, citizen account, firm) behind the flat lists, so a service can tell
 * for which party a caller acts, and the case's `sequence` instead of the event's clock to order
 * changes (an event dated in 9999 no longer wins forever). Existing rows keep sequence 0 and no
 * parties until cases next announces the case.
 */
export async function addCaseAccessParties(q: QueryRunner): Promise<void> {
  await q.query(
    `ALTER TABLE ${CASE_ACCESS_TABLE} ADD COLUMN sequence bigint NOT NULL DEFAULT 0, ADD COLUMN parties jsonb NOT NULL DEFAULT '[]'`,
  );
  await q.query(`ALTER TABLE ${CASE_ACCESS_TABLE} DROP COLUMN changed_at`);
}

export async function dropCaseAccessParties(q: QueryRunner): Promise<void> {
  await q.query(`ALTER TABLE ${CASE_ACCESS_TABLE} ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now()`);
  await q.query(`ALTER TABLE ${CASE_ACCESS_TABLE} DROP COLUMN sequence, DROP COLUMN parties`);
}

/** The migration class a service lists (each service names its own, so its history stays its own). */
export function caseAccessPartiesMigration(timestamp: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = `CaseAccessParties${timestamp}`;
    up = (q: QueryRunner) => addCaseAccessParties(q);
    down = (q: QueryRunner) => dropCaseAccessParties(q);
  };
}
