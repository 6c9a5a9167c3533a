import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';

const requestCommits = new AsyncLocalStorage<{ committed: boolean }>();

/**
 * Whether the request being served has committed a transaction. An error after a commit is no longer "nothing
 * happened": it must not be answered "try again" (503), and an idempotency key must not be given back for a
 * retry that would run the command a second time.
 */
export function committedInThisRequest(): boolean {
  return requestCommits.getStore()?.committed ?? false;
}

/** Express middleware: each request gets its own record of commits. */
export function trackRequestCommits(_req: Request, _res: Response, next: NextFunction): void {
  requestCommits.run({ committed: false }, next);
}

/** Notes each commit of the data source in the record of the request that made it (in its async context). */
export function recordRequestCommits(dataSource: DataSource): DataSource {
  const subscriber: EntitySubscriberInterface = {
    afterTransactionCommit: () => {
      const record = requestCommits.getStore();
      if (record) record.committed = true;
    },
  };
  dataSource.subscribers.push(subscriber);
  return dataSource;
}
