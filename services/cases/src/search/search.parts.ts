import type { Provider, Type } from '@nestjs/common';
import { CaseSearch } from './application/case-search';
import { CaseSearchFinder } from './infrastructure/case-search.finder';
import { CaseSearchIndexes1732720000000 } from './infrastructure/1732720000000-case-search-indexes';
import { HearingDateIndex1732780000000 } from './infrastructure/1732780000000-hearing-date-index';
import { CaseSearchResolver } from './api/case-search.resolver';
import { CaseSearchController } from './api/case-search.controller';

// What the case search adds to the cases service (wired in cases.module.ts and data-source.ts).

/** For `casesResolvers` in cases.module.ts: the supergraph is composed from that list alone. */
export const searchResolvers = [CaseSearchResolver];
export const searchProviders: Provider[] = [CaseSearch, CaseSearchFinder];
/** For `controllers` in cases.module.ts, BEFORE CaseController: its `:idOrReference` route would otherwise take /search. */
export const searchControllers: Type<unknown>[] = [CaseSearchController];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const searchEntities: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const searchMigrations: Function[] = [CaseSearchIndexes1732720000000, HearingDateIndex1732780000000];
