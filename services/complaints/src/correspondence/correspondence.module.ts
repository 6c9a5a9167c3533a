import { Module } from '@nestjs/common';
import { WorkingDayCalendar } from '@ccsc/calendar';
import { CorrespondenceOutboxModule } from '@ccsc/correspondence/outbox';
import { ComplaintModule } from '../complaint/complaint.module';
import { ComplaintCorrespondenceController } from './api/complaint-correspondence.controller';
import { ComplaintCorrespondenceResolver } from './api/complaint-correspondence.resolver';
import { ComplaintCorrespondenceQueries } from './application/complaint-correspondence.queries';
import { ComplaintCorrespondenceConsumer } from './consumers/complaint-correspondence.consumer';
import { ComplainantAddresseeRepository } from './infrastructure/complainant-addressee.repository';

/**
 * Correspondence to complainants (issue 23): the acknowledgement, each stage's response and the escalation
 * rights, decided from complaints' own events by its rule table, recorded and sent by libs/correspondence's
 * outbox in this service's own correspondence_items, and read by whoever may read the complaint. The
 * complainant's name and contact details stay here.
 */
@Module({
  imports: [CorrespondenceOutboxModule, ComplaintModule],
  controllers: [ComplaintCorrespondenceController],
  providers: [
    // The calendar the stage clocks use: the escalate-by day is counted in the same working days.
    { provide: WorkingDayCalendar, useFactory: () => WorkingDayCalendar.englandAndWales() },
    ComplainantAddresseeRepository,
    ComplaintCorrespondenceConsumer,
    ComplaintCorrespondenceQueries,
    ComplaintCorrespondenceResolver,
  ],
})
export class CorrespondenceModule {}
