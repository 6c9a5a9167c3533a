import type { DataSource, EntityManager } from 'typeorm';

/**
 * The outbox rows commands wrote (a condition on `outbox`): a service's own consumer asks for or records
 * correspondence a moment after a command (`<service>.correspondence-requested.v1`,
 * `<service>.correspondence-recorded.v1`), so a test that a refusal publishes nothing leaves those out
 * rather than race them.
 */
export const COMMAND_EVENTS = `type NOT LIKE '%.correspondence-requested.v_' AND type NOT LIKE '%.correspondence-recorded.v_'`;

export async function commandEventCount(db: DataSource | EntityManager): Promise<number> {
  const rows = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE ${COMMAND_EVENTS}`)) as { n: number }[];
  return rows[0]?.n ?? 0;
}
