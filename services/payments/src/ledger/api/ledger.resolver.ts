import { Args, ID, Int, Query as GqlQuery, Resolver } from '@nestjs/graphql';
import { Roles } from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from '@ccsc/platform';
import { CASE_ID, PAGE_AFTER } from '../../api-descriptions';
import { RECONCILERS } from '../../roles';
import { LedgerEntryQueries } from '../application/ledger-entry.queries';
import { LedgerQueries } from '../application/ledger.queries';
import { LedgerBalancesPageArgs, LedgerEntriesArgs, ReconciliationArgs } from './ledger.inputs';
import { LedgerBalanceConnection, LedgerEntryConnection, LedgerEntryModel, ReconciliationModel } from './ledger.model';

const first = () =>
  Args('first', {
    type: () => Int,
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `At most ${MAX_PAGE_SIZE}.`,
  });
const after = () => Args('after', { nullable: true, description: PAGE_AFTER });

/** The ledger over GraphQL, for finance officers: the same queries and roles as the ledger's REST routes. */
@Resolver(() => LedgerEntryModel)
export class LedgerResolver {
  constructor(
    private readonly queries: LedgerEntryQueries,
    private readonly reconciliation: LedgerQueries,
  ) {}

  @GqlQuery(() => LedgerEntryConnection, {
    description: "A ledger account's entries, oldest first, with their movements' tags.",
  })
  @Roles(...RECONCILERS)
  async ledgerEntries(@Args() args: LedgerEntriesArgs) {
    const page = await this.queries.accountEntries(
      args.account,
      pageSize(args.first ?? undefined),
      args.after ?? undefined,
    );
    return toConnection(page, LedgerEntryModel.from);
  }

  @GqlQuery(() => LedgerEntryConnection, {
    description:
      "A case's ledger entries, oldest first: its service request's movements and those of its payments and refunds.",
  })
  @Roles(...RECONCILERS)
  async caseLedgerEntries(
    @Args('caseId', { type: () => ID, description: CASE_ID }) caseId: string,
    @first() size?: number,
    @after() cursor?: string,
  ) {
    const page = await this.queries.caseEntries(assertUuid(caseId, 'caseId'), pageSize(size), cursor ?? undefined);
    return toConnection(page, LedgerEntryModel.from);
  }

  @GqlQuery(() => LedgerBalanceConnection, {
    description: 'The balance of each ledger account at the end of a London day, in account order.',
  })
  @Roles(...RECONCILERS)
  async ledgerBalances(@Args() args: LedgerBalancesPageArgs) {
    const { date, kind, first: size, after: cursor } = args;
    const page = await this.queries.balancesAt(
      date,
      kind ?? undefined,
      pageSize(size ?? undefined),
      cursor ?? undefined,
    );
    return toConnection(page, (b) => b);
  }

  @GqlQuery(() => ReconciliationModel, {
    description:
      "The daily reconciliation: takings by method, allocations by business area, where the day's takings went, and each difference flagged.",
  })
  @Roles(...RECONCILERS)
  async dailyReconciliation(@Args() args: ReconciliationArgs) {
    return this.reconciliation.report(args.date);
  }
}
