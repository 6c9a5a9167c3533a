import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { CorrespondenceItemRepository, type CorrespondenceItem } from '@ccsc/correspondence/outbox';
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
    const { id } = await this.complaints.visible(complaintId, principal);
    const items = await this.items.forRecord(id);
    await this.audit.read(principal, { recordType: 'correspondence', recordIds: items.map((i) => i.id) });
    return items;
  }
}
