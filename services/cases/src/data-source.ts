import type { ServiceDataSourceParts } from '@ccsc/platform';
import { CaseEntity, FeeEntity, PartyEntity } from './case/infrastructure/case.entity';
import { CreateCases1732300000000 } from './migrations/1732300000000-create-cases';
import { EventsAndTimeline1732400000000 } from './migrations/1732400000000-events-and-timeline';
import { FeesAndHistory1732500000000 } from './migrations/1732500000000-fees-and-history';
import { IdempotencyKeys1732600000000 } from './migrations/1732600000000-idempotency-keys';
import { PartyNeeds1732730000000 } from './migrations/1732730000000-party-needs';
import { TimelineEntryEntity } from './timeline/infrastructure/timeline.entity';
import { TimelinePerCase1732790000000 } from './timeline/infrastructure/1732790000000-timeline-per-case';
import { TimelineAudience1732800000000 } from './timeline/infrastructure/1732800000000-timeline-audience';
import { hearingEntities, hearingMigrations } from './hearing/hearing.parts';
import { searchEntities, searchMigrations } from './search/search.parts';
import { resultMigrations } from './result/result.parts';
import { documentMigrations } from './document/document.parts';
import { referralMigrations } from './assisted-digital/assisted-digital.parts';
import { decisionMigrations } from './decision/decision.parts';

/** The cases database: the app, `npm run migrate` and the tests all use this one definition (TypeORM orders migrations by their timestamp). */
export const casesDatabase: ServiceDataSourceParts = {
  entities: [CaseEntity, PartyEntity, FeeEntity, TimelineEntryEntity, ...hearingEntities, ...searchEntities],
  migrations: [CreateCases1732300000000, EventsAndTimeline1732400000000, FeesAndHistory1732500000000, IdempotencyKeys1732600000000, PartyNeeds1732730000000, ...hearingMigrations, ...searchMigrations, ...resultMigrations, ...documentMigrations, ...referralMigrations, ...decisionMigrations, TimelinePerCase1732790000000, TimelineAudience1732800000000],
};

