import { Module } from '@nestjs/common';
import { EnquiryCorrespondenceResolver } from './api/enquiry-correspondence.resolver';
import { CorrespondenceOutboxModule } from '@ccsc/correspondence/outbox';
import { EnquiryModule } from '../enquiry/enquiry.module';
import { EnquiryCorrespondenceController } from './api/enquiry-correspondence.controller';
import { EnquiryCorrespondenceQueries } from './application/enquiry-correspondence.queries';
import { EnquiryAcknowledgementConsumer } from './consumers/enquiry-acknowledgement.consumer';
import { EnquiryContactsRepository } from './infrastructure/enquiry-contacts.repository';

/**
 * Correspondence to enquiries' contacts (issue 23): every enquiry acknowledged with its reference and
 * target day, recorded and sent by libs/correspondence's outbox in this service's own correspondence_items,
 * read by whoever may see the enquiry. The contact's name, email and phone stay here.
 */
@Module({
  imports: [CorrespondenceOutboxModule, EnquiryModule],
  controllers: [EnquiryCorrespondenceController],
  providers: [
    EnquiryContactsRepository,
    EnquiryAcknowledgementConsumer,
    EnquiryCorrespondenceQueries,
    EnquiryCorrespondenceResolver,
  ],
})
export class CorrespondenceModule {}
