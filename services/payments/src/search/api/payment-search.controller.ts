import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { pageSize } from '@ccsc/platform';
import { PaymentModel, PaymentPageModel } from '../../payment/api/payment.model';
import { READERS } from '../../roles';
import { PaymentSearch } from '../application/payment-search.queries';
import { SearchPaymentsParams } from './payment-search.inputs';

/**
 * REST payment search. Its path is also a match for PaymentController's `GET /api/v1/payments/payments/:id`,
 * so this controller must be registered before that one, or "search" is read as a payment id.
 */
@ApiTags('payments')
@Controller('api/v1/payments/payments/search')
export class PaymentSearchController {
  constructor(private readonly search: PaymentSearch) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'Search the payments you may see (staff: all; a firm: its own; anyone else: those they paid) by reference, payer, amount, method or day received, newest first',
  })
  @ApiOkResponse({ type: PaymentPageModel })
  @ApiBadRequestResponse({ description: 'No criterion, or a malformed one (problem+json with field errors)' })
  async find(
    @Query() params: SearchPaymentsParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentPageModel> {
    const { limit, cursor, ...criteria } = params;
    const page = await this.search.searchPayments(criteria, principal, pageSize(limit, 'limit'), cursor, 'cursor');
    return { items: page.items.map((p) => PaymentModel.from(p, principal)), nextCursor: page.nextCursor };
  }
}
