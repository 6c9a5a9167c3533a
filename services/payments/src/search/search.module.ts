import { Module } from '@nestjs/common';
import { PaymentModule } from '../payment/payment.module';
import { PaymentSearchController } from './api/payment-search.controller';
import { PaymentSearchResolver } from './api/payment-search.resolver';
import { PaymentSearch } from './application/payment-search.queries';
import { PaymentSearchRepository } from './infrastructure/payment-search.repository';

/**
 * Payment search. payments.module.ts imports this module just before PaymentModule, so Nest registers
 * its controller first: PaymentController's `GET payments/:id` would otherwise take payments/search.
 */
@Module({
  imports: [PaymentModule],
  controllers: [PaymentSearchController],
  providers: [PaymentSearchResolver, PaymentSearch, PaymentSearchRepository],
})
export class SearchModule {}
