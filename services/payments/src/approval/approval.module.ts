import { Module } from '@nestjs/common';
import { ApprovedMoney } from './infrastructure/approved-money.repository';

/** What is approved on each case, complaint and fine account: what an approver's limit counts. */
@Module({ providers: [ApprovedMoney], exports: [ApprovedMoney] })
export class ApprovalModule {}
