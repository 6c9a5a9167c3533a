import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { CorrespondenceItemRepository, type CorrespondenceItem } from '@ccsc/correspondence/outbox';
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
    const { id } = await this.enquiries.visible(enquiryId, principal);
    const items = await this.items.forRecord(id);
    await this.audit.read(principal, { recordType: 'correspondence', recordIds: items.map((i) => i.id) });
    return items;
  }
}
