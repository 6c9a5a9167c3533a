import {
  Args,
  Context,
  ID,
  Int,
  Parent,
  Query as GqlQuery,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
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
import { ACCOUNT_READERS, READERS } from '../../roles';
import { ServiceRequestQueries, ServiceRequestView } from '../../service-request/application/service-request.queries';
import { PaymentQueries, PaymentView } from '../application/payment.queries';
import { CaseRef, PaymentAccountModel, PaymentConnection, PaymentModel, ServiceRequestModel } from './payment.model';

function principalOf(context: { req: AuthenticatedRequest }): Principal {
  const principal = context.req.principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/**
 * Adds the case's money to the cases service's Case. Batched per request, so a page of cases is a
 * fixed number of queries.
 */
@Resolver(() => CaseRef)
export class CasePaymentsResolver {
  constructor(
    private readonly requests: ServiceRequestQueries,
    private readonly queries: PaymentQueries,
  ) {}

  @ResolveField(() => ServiceRequestModel, {
    nullable: true,
    description: "The case's fees, remissions and payments; null before any fee is due.",
  })
  async serviceRequest(@Parent() parent: CaseRef, @Context() context: { req: AuthenticatedRequest }) {
    const principal = principalOf(context);
    if (!hasRole(principal, ...READERS)) return null;
    const loader = requestLoader<ServiceRequestView>(context, 'payments.serviceRequest', (ids) =>
      this.requests.forCases(ids, principal),
    );
    const found = await loader.load(parent.id);
    return found && ServiceRequestModel.from(found);
  }

  @ResolveField(() => [PaymentModel], { description: 'Payments made for the case, oldest first.' })
  async payments(@Parent() parent: CaseRef, @Context() context: { req: AuthenticatedRequest }) {
    const principal = principalOf(context);
    if (!hasRole(principal, ...READERS)) return [];
    const loader = requestLoader<PaymentView[]>(context, 'payments.payments', (ids) =>
      this.queries.forCases(ids, principal),
    );
    return ((await loader.load(parent.id)) ?? []).map(PaymentModel.from);
  }

  /**
   * Guards do not run here; access is applied by the field resolvers above, which see the principal:
   * each admits the roles that may read the same data directly (READERS), then applies its access rule.
   */
  @ResolveReference()
  resolveReference(reference: { id: string }): CaseRef {
    return { id: reference.id };
  }
}

@Resolver(() => PaymentModel)
export class PaymentResolver {
  constructor(private readonly queries: PaymentQueries) {}

  @GqlQuery(() => PaymentModel, { description: 'A payment you may see.' })
  @Roles(...READERS)
  async payment(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal) {
    return PaymentModel.from(await this.queries.get(assertUuid(id), principal));
  }

  @GqlQuery(() => PaymentConnection, {
    description: "Your payments (a firm: its organisation's; staff: all), newest first.",
  })
  @Roles(...READERS)
  async payments(
    @CurrentPrincipal() principal: Principal,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(principal, pageSize(first), after), PaymentModel.from);
  }

  @ResolveField(() => CaseRef, { nullable: true, description: 'The case the payment is for, when it came with one.' })
  case(@Parent() parent: PaymentModel): CaseRef | null {
    return parent.caseId ? { id: parent.caseId } : null;
  }

  @GqlQuery(() => [PaymentAccountModel], {
    description: "Your firm's payment accounts with their credit (staff: every account).",
  })
  @Roles(...ACCOUNT_READERS)
  async paymentAccounts(@CurrentPrincipal() principal: Principal) {
    return (await this.queries.accountsFor(principal)).map(PaymentAccountModel.from);
  }
}
