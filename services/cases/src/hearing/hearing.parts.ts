import type { Provider, Type } from '@nestjs/common';
import { HearingController } from './api/hearing.controller';
import { CaseHearingsResolver, HearingResolver } from './api/hearing.resolver';
import { HearingCommands } from './application/hearing.commands';
import { HearingQueries } from './application/hearing.queries';
import { Hearings1732700000000 } from './infrastructure/1732700000000-hearings';
import { HearingEntity } from './infrastructure/hearing.entity';
import { HearingRepository } from './infrastructure/hearing.repository';

// What the hearings feature adds to the cases service (wired in cases.module.ts and data-source.ts).

/** For `casesResolvers` in cases.module.ts: the supergraph is composed from that list alone. */
export const hearingResolvers: Provider[] = [HearingResolver, CaseHearingsResolver];
export const hearingProviders: Provider[] = [HearingCommands, HearingQueries, HearingRepository];
/** No hearing route has a shape that `:idOrReference` matches, so the order of controllers does not matter. */
export const hearingControllers: Type<unknown>[] = [HearingController];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const hearingEntities: Function[] = [HearingEntity];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const hearingMigrations: Function[] = [Hearings1732700000000];
