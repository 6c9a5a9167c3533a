import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { TermsController } from './api/terms.controller';
import { FineTermsResolver } from './api/terms.resolver';
import { TermsCommands } from './application/terms.commands';
import { MeansAssessmentRepository } from './infrastructure/means-assessment.repository';

/** Payment terms: varied with a reason, or proposed by a means assessment. */
@Module({
  imports: [AccountModule],
  controllers: [TermsController],
  providers: [FineTermsResolver, TermsCommands, MeansAssessmentRepository],
})
export class TermsModule {}
