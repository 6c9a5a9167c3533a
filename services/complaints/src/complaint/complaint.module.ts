import { Module } from '@nestjs/common';
import { WorkingDayCalendar } from '@ccsc/calendar';
import { CaseAccessModule } from '@ccsc/case-access';
import { ComplaintController } from './api/complaint.controller';
import { CaseComplaintsResolver, ComplaintResolver } from './api/complaint.resolver';
import { ComplaintCommands } from './application/complaint.commands';
import { ComplaintQueries } from './application/complaint.queries';
import { ComplaintEventsConsumer } from './consumers/complaint.consumer';
import { ComplaintRepository } from './infrastructure/complaint.repository';

/** Complaints through their stages: the public form, the officers' handling, and `Case.complaints`. */
@Module({
  imports: [CaseAccessModule],
  controllers: [ComplaintController],
  providers: [
    // One calendar for the process: every deadline records its version.
    { provide: WorkingDayCalendar, useFactory: () => WorkingDayCalendar.englandAndWales() },
    ComplaintResolver,
    CaseComplaintsResolver,
    ComplaintCommands,
    ComplaintQueries,
    ComplaintRepository,
    ComplaintEventsConsumer,
  ],
  // Search loads the complaints it finds as every other read does.
  // Correspondence reads a complaint's items by the same access rule as the complaint.
  exports: [ComplaintRepository, ComplaintQueries],
})
export class ComplaintModule {}
