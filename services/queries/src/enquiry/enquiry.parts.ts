import type { Provider, Type } from '@nestjs/common';
import { EnquiryController } from './api/enquiry.controller';
import { CaseEnquiriesResolver, EnquiryResolver } from './api/enquiry.resolver';
import { EnquiryChanges } from './application/enquiry-changes';
import { EnquiryCommands } from './application/enquiry.commands';
import { EnquiryQueries } from './application/enquiry.queries';
import { Enquiries1733100100000 } from './infrastructure/1733100100000-enquiries';
import { ContactOrganisation1733100400000 } from './infrastructure/1733100400000-contact-organisation';
import { EnquiryRepository } from './infrastructure/enquiry.repository';

// What the enquiries feature adds to the queries service (wired in queries.module.ts and data-source.ts).

/** For `queriesResolvers` in queries.module.ts: the supergraph is composed from that list alone. */
export const enquiryResolvers: Provider[] = [EnquiryResolver, CaseEnquiriesResolver];
export const enquiryProviders: Provider[] = [EnquiryRepository, EnquiryChanges, EnquiryCommands, EnquiryQueries];
export const enquiryControllers: Type<unknown>[] = [EnquiryController];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const enquiryMigrations: Function[] = [Enquiries1733100100000, ContactOrganisation1733100400000];
