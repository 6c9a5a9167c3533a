import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessScopeOf, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { startAfter, type Page, toPage } from '@ccsc/platform';
import type { EnquiryRecord } from '../../enquiry/domain/enquiry';
import { EnquiryRepository } from '../../enquiry/infrastructure/enquiry.repository';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';
import { type EnquirySearchCriteria, toEnquirySearchFilter } from '../domain/enquiry-search-criteria';
import { EnquirySearchRepository } from '../infrastructure/enquiry-search.repository';

/**
 * Officer search of enquiries, one page at a time, newest first, under the same access as the list:
 * staff see every enquiry, a firm its contacts', a citizen their own. A page shown is one audit record.
 */
@Injectable()
export class EnquirySearch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: EnquirySearchRepository,
    private readonly enquiries: EnquiryRepository,
    private readonly shown: EnquiryQueries,
    private readonly caseAccess: CaseAccess,
  ) {}

  /** @param cursorField names the cursor in errors: `after` in GraphQL, `cursor` in REST. */
  async searchEnquiries(
    criteria: EnquirySearchCriteria,
    principal: Principal,
    first: number,
    after?: string,
    cursorField = 'after',
  ): Promise<Page<EnquiryRecord>> {
    const filter = toEnquirySearchFilter(criteria);
    const position = startAfter(after, cursorField);
    // A case the platform does not know finds nothing, like a reference no enquiry has.
    const caseId = filter.caseReference ? await this.caseAccess.idOfReference(filter.caseReference) : undefined;
    const rows = await this.search.findIds({
      filter,
      ...(caseId ? { caseId } : {}),
      scope: accessScopeOf(principal),
      limit: first + 1,
      ...(position ? { after: position } : {}),
    });
    const page = toPage(rows, first);
    const items = await this.enquiries.inOrder(
      this.dataSource.manager,
      page.items.map((r) => r.id),
    );
    await this.shown.recordShown(principal, items);
    return { items, nextCursor: page.nextCursor };
  }
}
