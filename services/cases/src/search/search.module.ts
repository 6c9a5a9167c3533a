import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { CaseSearchController } from './api/case-search.controller';
import { CaseSearchResolver } from './api/case-search.resolver';
import { CaseSearch } from './application/case-search.queries';
import { CaseSearchRepository } from './infrastructure/case-search.repository';

/**
 * Case search. cases.module.ts imports this module before CaseModule, so Nest registers its
 * controller first: CaseController's `GET :idOrReference` would otherwise take /search.
 */
@Module({
  imports: [CaseModule],
  controllers: [CaseSearchController],
  providers: [CaseSearchResolver, CaseSearch, CaseSearchRepository],
})
export class SearchModule {}
