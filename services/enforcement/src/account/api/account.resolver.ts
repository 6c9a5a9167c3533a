import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AuthenticatedRequest, CurrentPrincipal, hasRole, Principal, Roles } from '@ccsc/auth';
import {
  assertUuid,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  pageSize,
  requestLoader,
  toConnection,
  UnauthenticatedError,
} from '@ccsc/platform';
import { AccountQueries } from '../application/account.queries';
import type { FineAccount, Imposition } from '../domain/fine-account';
import { ACCOUNT_READERS } from '../../roles';
import {
  CaseRef,
  FineAccountConnection,
  FineAccountModel,
  ImpositionModel,
  PaymentTermsModel,
  TermsVariationModel,
} from './account.model';

@Resolver(() => FineAccountModel)
export class FineAccountResolver {
  constructor(private readonly queries: AccountQueries) {}

  @Query(() => FineAccountModel, { description: 'A fine account by id.' })
  @Roles(...ACCOUNT_READERS)
  async fineAccount(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal) {
    return FineAccountModel.from(await this.queries.get(assertUuid(id), principal));
  }

  @Query(() => FineAccountModel, {
    description: 'A fine account by the number printed on its notices, typed in any case, with or without spaces.',
  })
  @Roles(...ACCOUNT_READERS)
  async fineAccountByNumber(@Args('accountNumber') accountNumber: string, @CurrentPrincipal() principal: Principal) {
    return FineAccountModel.from(await this.queries.getByNumber(accountNumber, principal));
  }

  @Query(() => FineAccountConnection, { description: 'Fine accounts, newest first.' })
  @Roles(...ACCOUNT_READERS)
  async fineAccounts(
    @CurrentPrincipal() principal: Principal,
    @Args('status', { nullable: true }) status?: string,
    @Args('businessUnit', { nullable: true }) businessUnit?: string,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(
      await this.queries.list({ status, businessUnit }, principal, pageSize(first), after),
      FineAccountModel.from,
    );
  }

  @Query(() => [FineAccountModel], { description: "A defendant's accounts across cases, by their party id." })
  @Roles(...ACCOUNT_READERS)
  async fineAccountsOfDefendant(
    @Args('defendantPartyId', { type: () => ID }) defendantPartyId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.queries.forDefendant(assertUuid(defendantPartyId, 'defendantPartyId'), principal)).map(
      FineAccountModel.from,
    );
  }

  @ResolveField(() => [ImpositionModel], { description: 'In the order payments are applied to them.' })
  async impositions(@Parent() account: FineAccountModel, @Context() context: object) {
    const loader = requestLoader<Imposition[]>(context, 'fine-impositions', async (ids) => {
      const all = await this.queries.impositions(ids);
      return ids.map((id) => all.filter((i) => i.accountId === id));
    });
    return ((await loader.load(account.id)) ?? []).map(ImpositionModel.from);
  }

  @ResolveField(() => CaseRef, { nullable: true, description: 'The case whose result opened the account.' })
  case(@Parent() account: FineAccountModel) {
    return account.caseId ? { id: account.caseId } : null;
  }

  @ResolveField(() => [String], { description: 'The enforcement actions an officer may take next.' })
  permittedActions(@Parent() account: FineAccountModel) {
    return this.queries.permittedActions({
      status: account.status as FineAccount['status'],
      lastAction: account.lastAction as FineAccount['lastAction'],
    });
  }

  @ResolveField(() => [TermsVariationModel], { description: 'Every change of terms, with its reason.' })
  async termsHistory(@Parent() account: FineAccountModel) {
    return (await this.queries.termsHistory(account.id)).map((h) => ({ ...h, terms: PaymentTermsModel.from(h.terms) }));
  }

  /** Federation's entry point: guards do not run here, so only staff get an account back. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: { req: AuthenticatedRequest }) {
    const principal = context.req.principal;
    if (!principal) throw new UnauthenticatedError();
    const loader = requestLoader<FineAccount>(context, 'fine-accounts', (ids) => this.queries.getMany(ids, principal));
    const found = await loader.load(reference.id);
    return found && FineAccountModel.from(found);
  }
}

@Resolver(() => CaseRef)
export class CaseFineAccountsResolver {
  constructor(private readonly queries: AccountQueries) {}

  @ResolveField(() => [FineAccountModel], {
    description: 'The fine accounts opened from the results of the case (staff only; empty for anyone else).',
  })
  async fineAccounts(@Parent() parent: CaseRef, @CurrentPrincipal() principal: Principal, @Context() context: object) {
    // Guards do not run on entity fields: the field admits the roles that may read fine accounts directly.
    if (!hasRole(principal, ...ACCOUNT_READERS)) return [];
    const loader = requestLoader<FineAccount[]>(context, 'case-fine-accounts', (ids) =>
      this.queries.forCases(ids, principal),
    );
    return ((await loader.load(parent.id)) ?? []).map(FineAccountModel.from);
  }
}
