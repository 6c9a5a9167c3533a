import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { CorrespondenceItemRepository, type CorrespondenceItem } from '@ccsc/correspondence/outbox';
import { NotFoundError } from '@ccsc/platform';
import { ComplaintQueries } from '../../complaint/application/complaint.queries';

/**
 * Reading what was sent to a complainant. An item is personal data of the complainant (their name,
 * address and what they were told), so it is read by whoever may read the complaint and the complainant's
 * name (ComplaintQueries' access rule: staff every complaint, a citizen or a firm the complaints it filed);
 * anyone else finds no complaint. Every read is recorded in the audit trail before it is answered.
 */
@Injectable()
export class ComplaintCorrespondenceQueries {
  constructor(
    private readonly complaints: ComplaintQueries,
    private readonly items: CorrespondenceItemRepository,
    private readonly audit: AuditTrail,
  ) {}

  async forComplaint(complaintId: string, principal: Principal): Promise<CorrespondenceItem[]> {
    const [items] = await this.forComplaints([complaintId], principal);
    if (!items) throw new NotFoundError('The complaint');
    return items;
  }

  /** Each complaint's items, in the order asked (null for one the caller may not see): two reads and one audit record. */
  async forComplaints(ids: readonly string[], principal: Principal): Promise<(CorrespondenceItem[] | null)[]> {
    const visible = await this.complaints.visibleIds(ids, principal);
    const byRecord = await this.items.forRecords([...visible]);
    const shown = [...byRecord.values()].flat();
    await this.audit.read(principal, { recordType: 'correspondence', recordIds: shown.map((i) => i.id) });
    return ids.map((id) => byRecord.get(id) ?? null);
  }
}
