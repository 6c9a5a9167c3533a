import { Injectable } from '@nestjs/common';
import { startAfter, Page, toPage } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import type { Case } from '../../case/domain/case';
import { caseAccessOf } from '../../case/domain/case-access';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { CaseQueries } from '../../case/application/case.queries';
import { CaseSearchCriteria, toSearchFilter } from '../domain/case-search-criteria';
import { CaseSearchRepository } from '../infrastructure/case-search.repository';

/**
 * Case search: the cases the caller may see that match every given criterion, newest first, a page
 * at a time. The same Case aggregates as every other read, so the API returns the same CaseModel.
 */
@Injectable()
export class CaseSearch {
  constructor(
    private readonly search: CaseSearchRepository,
    private readonly cases: CaseRepository,
    private readonly shown: CaseQueries,
  ) {}

  /**
   * @param first page size, already checked by the API (pageSize).
   * @param after a cursor from a previous page; `cursorField` names it in errors (`after` in GraphQL, `cursor` in REST).
   */
  async searchCases(
    criteria: CaseSearchCriteria,
    principal: Principal,
    first: number,
    after?: string,
    cursorField = 'after',
  ): Promise<Page<Case>> {
    const filter = toSearchFilter(criteria);
    const position = startAfter(after, cursorField);
    // One more than asked: its presence is what tells toPage there is a next page.
    const rows = await this.search.findIds(filter, caseAccessOf(principal), first + 1, position);
    const byId = new Map((await this.cases.findByIds(rows.map((r) => r.id))).map((c) => [c.id, c]));
    const page = toPage(
      rows.flatMap((r) => byId.get(r.id) ?? []),
      first,
    );
    await this.shown.recordShown(principal, page.items);
    return page;
  }
}
