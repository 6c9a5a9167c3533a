import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from '@ccsc/platform';
import { PAGE_AFTER } from '../../api-descriptions';
import { PaymentConnection, PaymentModel } from '../../payment/api/payment.model';
import { READERS } from '../../roles';
import { PaymentSearch } from '../application/payment-search.queries';
import { PaymentSearchInput } from './payment-search.inputs';

@Resolver()
export class PaymentSearchResolver {
  constructor(private readonly search: PaymentSearch) {}

  @Query(() => PaymentConnection, {
    description:
      'The payments the caller may see (staff: all; a firm: its own; anyone else: those they paid) that match every given criterion, newest first.',
  })
  @Roles(...READERS)
  async searchPayments(
    @CurrentPrincipal() principal: Principal,
    @Args('criteria', {
      description: 'What to search by: at least one criterion; a payment must match every one given.',
    })
    criteria: PaymentSearchInput,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `At most ${MAX_PAGE_SIZE}.`,
    })
    first?: number,
    @Args('after', { nullable: true, description: PAGE_AFTER }) after?: string,
  ) {
    const page = await this.search.searchPayments(criteria, principal, pageSize(first), after ?? undefined);
    // The viewer decides what the model shows (the provider's page, officers' ids), as for every read of a payment.
    return toConnection(page, (p) => PaymentModel.from(p, principal));
  }
}
