import type { Provider, Type } from '@nestjs/common';
import { ComplaintController } from './api/complaint.controller';
import { CaseComplaintsResolver, ComplaintResolver } from './api/complaint.resolver';
import { ComplaintCommands } from './application/complaint.commands';
import { ComplaintQueries } from './application/complaint.queries';
import { ComplaintEventsConsumer } from './consumers/complaint-events.consumer';
import { ComplaintRepository } from './infrastructure/complaint.repository';

// What the complaints feature adds to the service (wired in complaints.module.ts).

/** For `complaintsResolvers`: the supergraph is composed from that list alone. */
export const complaintResolvers: Provider[] = [ComplaintResolver, CaseComplaintsResolver];
export const complaintProviders: Provider[] = [ComplaintCommands, ComplaintQueries, ComplaintRepository, ComplaintEventsConsumer];
/** `:id` routes take one path segment; the MI and SLA routes take two, so controller order does not matter. */
export const complaintControllers: Type<unknown>[] = [ComplaintController];
