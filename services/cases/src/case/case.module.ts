import { Module } from '@nestjs/common';
import { TimelineModule } from '../timeline/timeline.module';
import { CaseController } from './api/case.controller';
import { CaseResolver } from './api/case.resolver';
import { CaseCommands } from './application/case.commands';
import { CaseQueries } from './application/case.queries';
import { FeesConsumer } from './consumers/fees.consumer';
import { CaseRepository } from './infrastructure/case.repository';

/**
 * The case aggregate: opening, reading, listing and moving cases through their type's events. The
 * other features reach a case through what this exports: CaseQueries to read it as the caller may,
 * CaseRepository to lock and change it inside their own unit of work (loadVisibleCase).
 */
@Module({
  imports: [TimelineModule],
  controllers: [CaseController],
  providers: [CaseResolver, CaseCommands, CaseQueries, CaseRepository, FeesConsumer],
  exports: [CaseQueries, CaseRepository],
})
export class CaseModule {}
