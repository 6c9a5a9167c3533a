import type { Queryable } from '@ccsc/platform';

/**
 * Resolves once `count` sessions of this database are queued on a lock (PostgreSQL's `pg_locks`).
 * Concurrency tests order their transactions with this instead of sleeping: "the second run is
 * now waiting on the row the first holds" is then a fact, not a guess about timing.
 */
export async function waitForLockWaiters(db: Queryable, count = 1, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE NOT l.granted AND a.datname = current_database()`,
    )) as [{ waiting: number }];
    if (row.waiting >= count) return;
    if (Date.now() > deadline)
      throw new Error(`Expected ${count} session(s) waiting on a lock; ${row.waiting} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
