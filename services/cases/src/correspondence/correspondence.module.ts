import { Module } from '@nestjs/common';
import { CorrespondenceOutboxModule } from '@ccsc/correspondence/outbox';
import { TimelineModule } from '../timeline/timeline.module';
import { CorrespondenceController } from './api/correspondence.controller';
import { CorrespondenceResolver } from './api/correspondence.resolver';
import { CorrespondenceQueries } from './application/correspondence.queries';
import { PartyCorrespondenceRecorder } from './application/party-correspondence-recorder';
import { CorrespondenceRequestsConsumer } from './consumers/correspondence-requests.consumer';
import { CaseAddresseeRepository } from './infrastructure/case-addressees.repository';

/**
 * Correspondence to case parties (issue 23): recorded from other services' requests and cases' own rules,
 * sent by libs/correspondence's outbox (recorder, dispatcher, receipts), read by staff and by the party
 * each went to. Personal data stays here: other services ask, cases addresses.
 */
@Module({
  imports: [TimelineModule, CorrespondenceOutboxModule],
  controllers: [CorrespondenceController],
  providers: [
    CaseAddresseeRepository,
    PartyCorrespondenceRecorder,
    CorrespondenceRequestsConsumer,
    CorrespondenceQueries,
    CorrespondenceResolver,
  ],
})
export class CorrespondenceModule {}
