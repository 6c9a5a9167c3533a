import { Module } from '@nestjs/common';
import { ApprovedMoney } from './infrastructure/approved-money.repository';
import { PaymentModule } from '../payment/payment.module';

/** What is approved on each case, complaint and fine account: what an approver's limit counts. */
@Module({ imports: [PaymentModule], providers: [ApprovedMoney], exports: [ApprovedMoney] })
export class ApprovalModule {}
