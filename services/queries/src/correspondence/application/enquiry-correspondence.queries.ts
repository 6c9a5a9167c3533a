import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { CorrespondenceItemRepository, type CorrespondenceItem } from '@ccsc/correspondence/outbox';
import { NotFoundError } from '@ccsc/platform';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';

/**
 * Reading what was sent about an enquiry. An item is personal data of the enquiry's contact, so it is
 * read by whoever may see the enquiry (EnquiryQueries' access rule: staff every enquiry, a citizen those
 * of their own contact, a firm those of its contacts); anyone else finds no enquiry. Every read is
 * recorded in the audit trail before it is answered; like the enquiry, its items name no case party.
 */
@Injectable()
export class EnquiryCorrespondenceQueries {
  constructor(
    private readonly enquiries: EnquiryQueries,
    private readonly items: CorrespondenceItemRepository,
    private readonly audit: AuditTrail,
  ) {}

  async forEnquiry(enquiryId: string, principal: Principal): Promise<CorrespondenceItem[]> {
    const [items] = await this.forEnquiries([enquiryId], principal);
    if (!items) throw new NotFoundError('The enquiry');
    return items;
  }

  /** Each enquiry's items, in the order asked (null for one the caller may not see): two reads and one audit record. */
  async forEnquiries(ids: readonly string[], principal: Principal): Promise<(CorrespondenceItem[] | null)[]> {
    const visible = await this.enquiries.visibleIds(ids, principal);
    const byRecord = await this.items.forRecords([...visible]);
    const shown = [...byRecord.values()].flat();
    await this.audit.read(principal, { recordType: 'correspondence', recordIds: shown.map((i) => i.id) });
    return ids.map((id) => byRecord.get(id) ?? null);
  }
}
