import { Injectable } from '@nestjs/common';
import { accessScopeOf, isOwnedBy, ownerFilter, type AccessScope, type Principal } from '@ccsc/auth';
import { AuditTrail } from '@ccsc/audit';
import { CaseAccess } from '@ccsc/case-access';
import { startAfter, NotFoundError, toPage, type Page, type Sql } from '@ccsc/platform';
import type { Complaint, TimelineEntry } from '../domain/complaint';
import { ComplaintRepository } from '../infrastructure/complaint.repository';
import { COMPLAINT_STAFF_READERS } from '../../roles';

// A complaint belongs to the citizen account or the firm that filed it through the public form;
// complaints staff and the staff who read complaints see them all.
export const scopeOf = (principal: Principal): AccessScope => accessScopeOf(principal, COMPLAINT_STAFF_READERS);
const complainantOf = ({ snapshot: s }: Complaint) => ({
  userId: s.complainantUserId,
  organisationId: s.complainantOrganisationId,
});
/** The same rule in SQL, over `c`, the complaints row: for lists and search. */
export const complaintFilter = (scope: AccessScope): Sql =>
  ownerFilter(scope, { user: 'c.complainant_user_id', organisation: 'c.complainant_organisation_id' });

/**
 * Reads of complaints; a complaint the caller may not see is "not found", never "forbidden". Each read
 * of complaints is recorded in the audit trail before it is answered. A complaint names its complainant
 * by account and firm, not by a case party, so the records carry no party ids.
 */
@Injectable()
export class ComplaintQueries {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly caseAccess: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  async get(id: string, principal: Principal): Promise<Complaint> {
    const complaint = await this.visible(id, principal);
    await this.audit.read(principal, { recordType: 'complaint', recordIds: [complaint.id] });
    return complaint;
  }

  async list(principal: Principal, limit: number, after?: string): Promise<Page<Complaint>> {
    const access = complaintFilter(scopeOf(principal));
    const rows = await this.complaints.list({ access, limit, after: startAfter(after) });
    const page = toPage(
      rows.map((c) => ({ complaint: c, createdAt: c.snapshot.createdAt, id: c.id })),
      limit,
    );
    const items = page.items.map((i) => i.complaint);
    // One record for the whole page.
    await this.audit.read(principal, { recordType: 'complaint', recordIds: items.map((c) => c.id) });
    return { items, nextCursor: page.nextCursor };
  }

  async timeline(id: string, principal: Principal): Promise<TimelineEntry[]> {
    // Not through get(): the timeline is recorded as what it is, once, not also as the complaint.
    const { id: complaintId } = await this.visible(id, principal);
    const entries = await this.complaints.timeline(complaintId);
    await this.audit.read(principal, { recordType: 'complaint-timeline', recordIds: [complaintId] });
    return entries;
  }

  /**
   * The complaints of each case, for `Case.complaints`: one query for all the cases of a page. A
   * citizen or firm sees only their own complaints, and only on cases they may see.
   */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<Complaint[][]> {
    const scope = scopeOf(principal);
    const visible = scope.kind === 'all' ? new Set(caseIds) : await this.caseAccess.visible(principal, caseIds);
    const complaints = visible.size ? await this.complaints.forCases([...visible], complaintFilter(scope)) : [];
    // One record for the batch (a page of cases); none when no complaint is shown.
    await this.audit.read(principal, { recordType: 'complaint', recordIds: complaints.map((c) => c.id) });
    return caseIds.map((id) => (visible.has(id) ? complaints.filter((c) => c.snapshot.caseIds.includes(id)) : []));
  }

  /** Which of these complaints the caller may see, in one query. Not audited: nothing of them is shown. */
  visibleIds(ids: readonly string[], principal: Principal): Promise<Set<string>> {
    return this.complaints.visibleIds(ids, complaintFilter(scopeOf(principal)));
  }

  /** The complaint if the caller may see it; "not found" otherwise. Not audited: the caller records its own read. */
  async visible(id: string, principal: Principal): Promise<Complaint> {
    const complaint = await this.complaints.findById(id);
    if (!complaint || !isOwnedBy(scopeOf(principal), complainantOf(complaint))) {
      throw new NotFoundError('The complaint');
    }
    return complaint;
  }
}
