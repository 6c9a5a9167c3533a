import { Module } from '@nestjs/common';
import { TimelineQueries } from './application/timeline.queries';
import { TimelineConsumer } from './consumers/timeline.consumer';
import { TimelineRepository } from './infrastructure/timeline.repository';

/** Every event that names a case, as that case's timeline; read through the case (CaseController, CaseResolver). */
@Module({
  providers: [TimelineQueries, TimelineRepository, TimelineConsumer],
  // The repository for correspondence/, which writes an item's entry in the transaction that records it.
  exports: [TimelineQueries, TimelineRepository],
})
export class TimelineModule {}
