import { Args, Context, Directive, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AuthenticatedRequest, CorrelationId, CurrentPrincipal, hasRole, Principal, Role, Roles } from '@ccsc/auth';
import { assertUuid, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, requestLoader, toConnection, UnauthenticatedError } from '@ccsc/platform';
import { AccountQueries } from '../application/account.queries';
import type { FineAccount, Imposition } from '../infrastructure/account.store';
import { FineAccountConnection, FineAccountModel, ImpositionModel, PaymentTermsModel } from './account.model';
import { detailsFrom, TakeActionInput, termsFrom, VaryTermsBody, WriteOffBody } from './account.inputs';
import { ActionCommands } from '../../action/application/action.commands';
import { TermsCommands } from '../../terms/application/terms.commands';
import { WriteOffCommands } from '../../write-off/application/write-off.commands';
import { ObjectType } from '../../enforcement.graphql';

/** Who works fine accounts; who reads them adds caseworkers and finance. */
export const ENFORCEMENT_OFFICERS: Role[] = ['enforcement-officer', 'team-leader'];
export const ACCOUNT_READERS: Role[] = ['enforcement-officer', 'team-leader', 'finance-officer', 'caseworker', 'system'];

@ObjectType('FineTermsVariation')
class TermsVariationModel {
  @Field(() => Int) version!: number;
  @Field(() => PaymentTermsModel) terms!: PaymentTermsModel;
  @Field() reason!: string;
  @Field() changedBy!: string;
  @Field() changedAt!: Date;
}

@ObjectType('FineWriteOff')
export class WriteOffModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => Int) amountPence!: number;
  @Field() reason!: string;
  @Field() status!: string;
  @Field() requestedBy!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
}

/** The cases service's Case, extended here with its fine accounts. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseRef {
  @Field(() => ID) id!: string;
}

@ObjectType('EnforcementAction', { description: 'An enforcement action taken on an account.' })
class EnforcementActionModel {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field() takenBy!: string;
  @Field() takenAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The warrant the action issued, if it issues one.' }) warrantId?: string | null;
}

@Resolver(() => FineAccountModel)
export class FineAccountResolver {
  constructor(
    private readonly actionCommands: ActionCommands,
    private readonly queries: AccountQueries,
    private readonly terms: TermsCommands,
    private readonly writeOffs: WriteOffCommands,
  ) {}

  @Query(() => FineAccountModel, { description: 'A fine account by id.' })
  @Roles(...ACCOUNT_READERS)
  async fineAccount(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal) {
    return FineAccountModel.from(await this.queries.get(assertUuid(id), principal));
  }

  @Query(() => FineAccountModel, { description: 'A fine account by the number printed on its notices, typed in any case, with or without spaces.' })
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
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list({ status, businessUnit }, principal, pageSize(first), after), FineAccountModel.from);
  }

  @Query(() => [FineAccountModel], { description: "A defendant's accounts across cases, by their party id." })
  @Roles(...ACCOUNT_READERS)
  async fineAccountsOfDefendant(@Args('defendantPartyId', { type: () => ID }) defendantPartyId: string, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.forDefendant(assertUuid(defendantPartyId, 'defendantPartyId'), principal)).map(FineAccountModel.from);
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
    return this.queries.permittedActions({ status: account.status as FineAccount['status'], lastAction: account.lastAction as FineAccount['lastAction'] });
  }

  @ResolveField(() => [TermsVariationModel], { description: 'Every change of terms, with its reason.' })
  async termsHistory(@Parent() account: FineAccountModel) {
    return (await this.queries.termsHistory(account.id)).map((h) => ({ ...h, terms: PaymentTermsModel.from(h.terms as never) }));
  }

  @ResolveField(() => [EnforcementActionModel], { description: 'The actions taken, oldest first.' })
  actions(@Parent() account: FineAccountModel) {
    return this.queries.actions(account.id);
  }

  @Mutation(() => EnforcementActionModel, { description: 'Takes an enforcement action; one the last action does not permit is refused (CONFLICT, naming those permitted).' })
  @Roles(...ENFORCEMENT_OFFICERS)
  takeEnforcementAction(@Args('input') input: TakeActionInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.actionCommands.take(input.accountId, input.action, detailsFrom(input.details), principal, correlationId);
  }

  @Mutation(() => TermsVariationModel, { description: 'Varies the payment terms, with the reason; the account leaves default.' })
  @Roles(...ENFORCEMENT_OFFICERS)
  async varyFineTerms(@Args('accountId', { type: () => ID }) accountId: string, @Args('input') input: VaryTermsBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const varied = await this.terms.vary(assertUuid(accountId, 'accountId'), termsFrom(input.terms), input.reason, principal, correlationId);
    return { ...varied, terms: PaymentTermsModel.from(varied.terms) };
  }

  @Mutation(() => WriteOffModel, { description: 'Asks for a write-off; another officer approves it.' })
  @Roles(...ENFORCEMENT_OFFICERS)
  requestFineWriteOff(@Args('accountId', { type: () => ID }) accountId: string, @Args('input') input: WriteOffBody, @CurrentPrincipal() principal: Principal) {
    return this.writeOffs.request(assertUuid(accountId, 'accountId'), input.amountPence, input.reason, principal);
  }

  /** Federation's entry point: guards do not run here, so only staff get an account back. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: { req: AuthenticatedRequest }) {
    const principal = context.req.principal;
    if (!principal) throw new UnauthenticatedError();
    const found = await requestLoader<FineAccount>(context, 'fine-accounts', (ids) => this.queries.getMany(ids, principal)).load(reference.id);
    return found && FineAccountModel.from(found);
  }
}

@Resolver(() => CaseRef)
export class CaseFineAccountsResolver {
  constructor(private readonly queries: AccountQueries) {}

  @ResolveField(() => [FineAccountModel], { description: 'The fine accounts opened from the results of the case (staff only; empty for anyone else).' })
  async fineAccounts(@Parent() parent: CaseRef, @CurrentPrincipal() principal: Principal, @Context() context: object) {
    // Guards do not run on entity fields: the field admits the roles that may read fine accounts directly.
    if (!hasRole(principal, ...ACCOUNT_READERS)) return [];
    const loader = requestLoader<FineAccount[]>(context, 'case-fine-accounts', (ids) => this.queries.forCases(ids, principal));
    return ((await loader.load(parent.id)) ?? []).map(FineAccountModel.from);
  }
}
