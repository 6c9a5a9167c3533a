import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@ccsc/auth';
import { WorkingDayCalendar } from '@ccsc/calendar';
import { CaseAccessModule } from '@ccsc/case-access';
import { MessagingModule } from '@ccsc/messaging';
import { IdempotencyModule, PlatformModule } from '@ccsc/platform';
import type { ComplaintsConfig } from './config';
import { complaintsDatabase } from './data-source';
import { complaintsGraphQL } from './complaints.graphql';
import { complaintControllers, complaintProviders, complaintResolvers } from './complaint/complaint.parts';
import { miControllers, miProviders, miResolvers } from './mi/mi.parts';
import { slaControllers, slaProviders, slaResolvers } from './sla/sla.parts';

/** The resolvers of the complaints subgraph; the supergraph composer builds the schema from these alone. */
export const complaintsResolvers = [...complaintResolvers, ...slaResolvers, ...miResolvers];

@Module({})
export class ComplaintsModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    return {
      module: ComplaintsModule,
      imports: [
        PlatformModule.forRoot({ service: 'complaints', graphql: complaintsGraphQL, config, database: complaintsDatabase }),
        AuthModule.forRoot(authOptionsFrom(config)),
        MessagingModule.forRoot({ service: 'complaints', config }),
        IdempotencyModule.forRoot(),
        CaseAccessModule,
      ],
      controllers: [...slaControllers, ...miControllers, ...complaintControllers],
      providers: [
        // One calendar for the process: every deadline records its version.
        { provide: WorkingDayCalendar, useFactory: () => WorkingDayCalendar.englandAndWales() },
        ...complaintsResolvers,
        ...complaintProviders,
        ...slaProviders,
        ...miProviders,
      ],
    };
  }
}
