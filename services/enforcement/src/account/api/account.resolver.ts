import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import {
  AuthenticatedRequest,
  CorrelationId,
  CurrentPrincipal,
  hasRole,
  loadForCaller,
  Principal,
  Roles,
} from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, requestLoader, toConnection } from '@ccsc/platform';
import { AccountCommands } from '../application/account.commands';
import { AccountQueries } from '../application/account.queries';
import { ACCOUNT_STATUSES, type FineAccount, type Imposition } from '../domain/fine-account';
import { ACCOUNT_READERS, ENFORCEMENT_OFFICERS, FIXED_PENALTY_REGISTRARS } from '../../roles';
import { ACCOUNT_ID } from '../../api-descriptions';
import { ConsolidateBody, RegisterFixedPenaltyBody } from './account.inputs';
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
  constructor(
    private readonly queries: AccountQueries,
    private readonly commands: AccountCommands,
  ) {}

  @Query(() => FineAccountModel, { description: 'A fine account by id.' })
  @Roles(...ACCOUNT_READERS)
  async fineAccount(
    @Args('id', { type: () => ID, description: ACCOUNT_ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return FineAccountModel.from(await this.queries.get(assertUuid(id), principal));
  }

  @Query(() => FineAccountModel, {
    description: 'A fine account by the number printed on its notices, typed in any case, with or without spaces.',
  })
  @Roles(...ACCOUNT_READERS)
  async fineAccountByNumber(
    @Args('accountNumber', {
      description: 'The account number: FA, eight digits and the check letter, e.g. FA10000001M.',
    })
    accountNumber: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return FineAccountModel.from(await this.queries.getByNumber(accountNumber, principal));
  }

  @Query(() => FineAccountConnection, { description: 'Fine accounts, newest first.' })
  @Roles(...ACCOUNT_READERS)
  async fineAccounts(
    @CurrentPrincipal() principal: Principal,
    @Args('status', {
      nullable: true,
      description: `Only accounts in this status: one of ${ACCOUNT_STATUSES.join(', ')} (any other is refused).`,
    })
    status?: string,
    @Args('businessUnit', { nullable: true, description: 'Only accounts of this business unit (exact match).' })
    businessUnit?: string,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', { nullable: true, description: 'The `endCursor` of the previous page.' }) after?: string,
  ) {
    return toConnection(
      await this.queries.list({ status, businessUnit }, principal, pageSize(first), after),
      FineAccountModel.from,
    );
  }

  @Query(() => [FineAccountModel], {
    description:
      "A defendant's accounts across cases, oldest first: those of the party and of every party staff matched with it as the same person.",
  })
  @Roles(...ACCOUNT_READERS)
  async fineAccountsOfDefendant(
    @Args('defendantPartyId', {
      type: () => ID,
      description: "The defendant's party id on a case (UUID in the cases service).",
    })
    defendantPartyId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.queries.forDefendant(assertUuid(defendantPartyId, 'defendantPartyId'), principal)).map(
      FineAccountModel.from,
    );
  }

  @Mutation(() => FineAccountModel, {
    description:
      'Registers a fixed penalty for enforcement: opens a fixed-penalty account (CONFLICT if registered already).',
  })
  @Roles(...FIXED_PENALTY_REGISTRARS)
  async recordFixedPenalty(
    @Args('input', { description: 'The penalty to register.' }) input: RegisterFixedPenaltyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const { caseId, ...penalty } = input;
    const opened = await this.commands.registerFixedPenalty(
      { ...penalty, ...(caseId != null ? { caseId } : {}) },
      principal,
      correlationId,
    );
    return FineAccountModel.from(await this.queries.get(opened.id, principal));
  }

  @Mutation(() => FineAccountModel, {
    description:
      "Consolidates other live accounts of the same defendant (the same party, or parties of other cases staff matched as the same person) into this one (CONFLICT if one is not live, or is another defendant's).",
  })
  @Roles(...ENFORCEMENT_OFFICERS)
  async consolidateFineAccounts(
    @Args('accountId', {
      type: () => ID,
      description:
        "The account they go into (UUID): a live account of the defendant's, which takes what the others still owe.",
    })
    accountId: string,
    @Args('input', { description: 'The accounts to consolidate into it.' }) input: ConsolidateBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return FineAccountModel.from(
      await this.commands.consolidate(assertUuid(accountId, 'accountId'), input.accountIds, principal, correlationId),
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

  @ResolveField(() => [String], {
    description: 'The enforcement actions an officer may take next: none unless the account is live.',
  })
  permittedActions(@Parent() account: FineAccountModel) {
    return this.queries.permittedActions({
      status: account.status as FineAccount['status'],
      lastAction: account.lastAction as FineAccount['lastAction'],
    });
  }

  @ResolveField(() => [TermsVariationModel], {
    description:
      'Every version of its terms, oldest first: those set when it opened, then each variation with its reason.',
  })
  async termsHistory(@Parent() account: FineAccountModel) {
    return (await this.queries.termsHistory(account.id)).map((h) => ({ ...h, terms: PaymentTermsModel.from(h.terms) }));
  }

  /** Federation's entry point: guards do not run here, so only staff get an account back. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: { req: AuthenticatedRequest }) {
    const found = await loadForCaller(context, 'fine-accounts', reference.id, (ids, principal) =>
      this.queries.getMany(ids, principal),
    );
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
