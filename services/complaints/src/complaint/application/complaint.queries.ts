import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import { decodeCursor, NotFoundError, toPage, type Page } from '@ccsc/platform';
import type { Complaint } from '../domain/complaint';
import { canSeeComplaint, complaintAccessSql, complaintScope } from '../domain/complaint-access';
import { ComplaintRepository, TimelineEntry } from '../infrastructure/complaint.repository';

/** Reads of complaints; a complaint the caller may not see is "not found", never "forbidden". */
@Injectable()
export class ComplaintQueries {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly caseAccess: CaseAccess,
  ) {}

  async get(id: string, principal: Principal): Promise<Complaint> {
    const complaint = await this.complaints.findById(id);
    if (!complaint || !canSeeComplaint(complaintScope(principal), complaint.snapshot)) throw new NotFoundError('The complaint');
    return complaint;
  }

  async list(principal: Principal, limit: number, after?: string): Promise<Page<Complaint>> {
    const rows = await this.complaints.list({ access: complaintAccessSql(complaintScope(principal), 1), limit, ...(after ? { after: decodeCursor(after) } : {}) });
    const page = toPage(rows.map((c) => ({ complaint: c, createdAt: c.snapshot.createdAt, id: c.id })), limit);
    return { items: page.items.map((i) => i.complaint), nextCursor: page.nextCursor };
  }

  async timeline(id: string, principal: Principal): Promise<TimelineEntry[]> {
    return this.complaints.timeline((await this.get(id, principal)).id);
  }

  /**
   * The complaints of each case, for `Case.complaints`: one query for all the cases of a page. A
   * citizen or firm sees only their own complaints, and only on cases they may see.
   */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<Complaint[][]> {
    const scope = complaintScope(principal);
    const visible = scope.kind === 'all' ? new Set(caseIds) : await this.caseAccess.visible(principal, caseIds);
    const complaints = visible.size ? await this.complaints.forCases([...visible], complaintAccessSql(scope, 1)) : [];
    return caseIds.map((id) => (visible.has(id) ? complaints.filter((c) => c.snapshot.caseIds.includes(id)) : []));
  }
}
