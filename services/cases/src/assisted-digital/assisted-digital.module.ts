import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { ReferralController } from './api/referral.controller';
import { ReferralResolver } from './api/referral.resolver';
import { ReferralCommands } from './application/referral.commands';
import { ReferralQueries } from './application/referral.queries';
import { ReferralRepository } from './infrastructure/referral.repository';

/** Assisted digital: needs assessments, referrals to the supplier and their progress. */
@Module({
  imports: [CaseModule],
  controllers: [ReferralController],
  providers: [ReferralResolver, ReferralCommands, ReferralQueries, ReferralRepository],
})
export class AssistedDigitalModule {}
