import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { DecisionController } from './api/decision.controller';
import { DecisionResolver } from './api/decision.resolver';
import { DecisionCommands } from './application/decision.commands';
import { DecisionQueries } from './application/decision.queries';
import { DecisionRepository } from './infrastructure/decision.repository';

/** Decisions on cases, with their legal basis and evidence; corrected by superseding, never edited. */
@Module({
  imports: [CaseModule],
  controllers: [DecisionController],
  providers: [DecisionResolver, DecisionCommands, DecisionQueries, DecisionRepository],
})
export class DecisionModule {}
