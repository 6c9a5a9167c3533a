import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { startAfter, toPage, type Page } from '@ccsc/platform';
import type { Complaint } from '../../complaint/domain/complaint';
import { complaintFilter, scopeOf } from '../../complaint/application/complaint.queries';
import { ComplaintRepository } from '../../complaint/infrastructure/complaint.repository';
import { ComplaintSearchCriteria, toSearchFilter } from '../domain/complaint-search-criteria';
import { ComplaintSearchRepository } from '../infrastructure/complaint-search.repository';

/**
 * Complaint search: the complaints the caller may see that match every given criterion, newest first,
 * a page at a time, under the same access rule as the list (staff see all, a citizen or a firm its
 * own). The same Complaint aggregates as every other read, so the API returns the same ComplaintModel,
 * and each page shown is recorded in the audit trail as one read, as the list's are.
 */
@Injectable()
export class ComplaintSearch {
  constructor(
    private readonly search: ComplaintSearchRepository,
    private readonly complaints: ComplaintRepository,
    private readonly caseAccess: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * @param first page size, already checked by the API (pageSize).
   * @param after a cursor from a previous page; `cursorField` names it in errors (`after` in GraphQL, `cursor` in REST).
   */
  async searchComplaints(
    criteria: ComplaintSearchCriteria,
    principal: Principal,
    first: number,
    after?: string,
    cursorField = 'after',
  ): Promise<Page<Complaint>> {
    const { caseReference, ...filter } = toSearchFilter(criteria);
    const position = startAfter(after, cursorField);
    // Cases are known here by the case-access projection; a case it has not heard of has no complaints here.
    const caseId = caseReference === undefined ? undefined : await this.caseAccess.idOfReference(caseReference);
    if (caseReference !== undefined && caseId === undefined) return { items: [], nextCursor: null };

    const access = complaintFilter(scopeOf(principal));
    // One more than asked: its presence is what tells toPage there is a next page.
    const rows = await this.search.findIds({ ...filter, ...(caseId ? { caseId } : {}) }, access, first + 1, position);
    const byId = new Map((await this.complaints.findByIds(rows.map((r) => r.id))).map((c) => [c.id, c]));
    const page = toPage(
      rows.flatMap((r) => {
        const complaint = byId.get(r.id);
        return complaint ? [{ ...r, complaint }] : [];
      }),
      first,
    );
    const items = page.items.map((i) => i.complaint);
    // One record for the whole page, as for the list.
    await this.audit.read(principal, { recordType: 'complaint', recordIds: items.map((c) => c.id) });
    return { items, nextCursor: page.nextCursor };
  }
}
