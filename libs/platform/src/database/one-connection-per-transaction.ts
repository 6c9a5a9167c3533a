import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** Thrown where code inside a transaction asks the pool for a second connection: a programming error. */
export class SecondConnectionInTransactionError extends Error {
  constructor() {
    super(
      "A second database connection was asked for inside a transaction: pass the transaction's manager " +
        '(the one its callback was given) to every repository and query it calls',
    );
    this.name = 'SecondConnectionInTransactionError';
  }
}

interface Held {
  readonly dataSource: DataSource;
  open: boolean;
}

const held = new AsyncLocalStorage<Held>();

/**
 * A transaction keeps its pooled connection until it ends. Code inside it that asks the pool for another
 * (a repository, or CaseAccess, called without the transaction's manager, so on `dataSource.manager`)
 * waits for a free connection while holding its own: with as many such calls at once as the pool has
 * connections, each waits for the others for ever and the service stops answering. That froze payments
 * in CI (four staff paying by account at once, pool of four). So the asking is refused at once, in every
 * environment, with the offending call in the stack trace: one failed request instead of a frozen service,
 * and a test that fails on the first run rather than a hang under load.
 *
 * Work the transaction starts and does not wait for is refused while the transaction is still open, and
 * allowed once it has ended (it is outside the transaction then).
 */
export function oneConnectionPerTransaction(dataSource: DataSource): DataSource {
  const { manager } = dataSource;
  const transaction = manager.transaction.bind(manager) as (
    isolation: IsolationLevel | undefined,
    work: (manager: EntityManager) => Promise<unknown>,
  ) => Promise<unknown>;
  const guarded = async (
    isolationOrWork: IsolationLevel | ((manager: EntityManager) => Promise<unknown>),
    maybeWork?: (manager: EntityManager) => Promise<unknown>,
  ): Promise<unknown> => {
    const isolation = typeof isolationOrWork === 'function' ? undefined : isolationOrWork;
    const work = typeof isolationOrWork === 'function' ? isolationOrWork : maybeWork;
    if (!work) return transaction(isolation, work as never);
    // A transaction run on a transaction's own manager reuses its connection and never reaches here.
    const state: Held = { dataSource, open: true };
    try {
      return await transaction(isolation, (inside) => held.run(state, () => work(inside)));
    } finally {
      state.open = false;
    }
  };
  manager.transaction = guarded as EntityManager['transaction'];

  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const state = held.getStore();
    if (state?.open && state.dataSource === dataSource) throw new SecondConnectionInTransactionError();
    return createQueryRunner(mode);
  };
  return dataSource;
}
