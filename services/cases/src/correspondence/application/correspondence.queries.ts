import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { admits, audienceOfParties, caseAccessOf, partiesActedFor } from '@ccsc/case-access/rule';
import { CorrespondenceItemRepository, letterOfItem, type CorrespondenceItem } from '@ccsc/correspondence/outbox';
import { NotFoundError } from '@ccsc/platform';
import { CaseAddresseeRepository } from '../infrastructure/case-addressees.repository';

/**
 * Reading correspondence. An item is personal data of the party it was sent to: staff read every item
 * of a case they may see; a party (the citizen who is that party, the firm that represents it) reads the
 * items sent to that party and no other; the other side sees none, and a stranger finds no case. What
 * the caller may not read is "not found", never "forbidden". Every read is recorded in the audit trail.
 */
@Injectable()
export class CorrespondenceQueries {
  constructor(
    private readonly items: CorrespondenceItemRepository,
    private readonly addressees: CaseAddresseeRepository,
    private readonly audit: AuditTrail,
  ) {}

  async forCase(caseId: string, principal: Principal): Promise<CorrespondenceItem[]> {
    const readable = await this.readableParties(caseId, principal);
    if (!readable) throw new NotFoundError('The case');
    const items = await this.items.forRecord(caseId, readable === 'all' ? undefined : readable);
    await this.recordShown(principal, items, readable);
    return items;
  }

  /** The item's letter, printed again from what was recorded: the same bytes as were sent. */
  async letter(id: string, principal: Principal): Promise<{ item: CorrespondenceItem; pdf: Buffer }> {
    const item = await this.items.findById(id);
    const readable = item && (await this.readableParties(item.recordId, principal));
    if (!item || !readable || (readable !== 'all' && !readable.includes(item.recipientId)) || item.channel !== 'letter')
      throw new NotFoundError('The letter');
    await this.recordShown(principal, [item], readable);
    return { item, pdf: await letterOfItem(item) };
  }

  /** 'all' for staff, the parties the caller acts for on a case it may see, undefined when it may not see it. */
  private async readableParties(caseId: string, principal: Principal): Promise<'all' | string[] | undefined> {
    const relations = await this.addressees.relations(caseId);
    if (!relations) return undefined;
    const access = caseAccessOf(principal);
    if (access.kind === 'all') return 'all';
    if (!admits(access, audienceOfParties(relations))) return undefined;
    return partiesActedFor(access, relations).map((p) => p.partyId);
  }

  private recordShown(principal: Principal, items: readonly CorrespondenceItem[], readable: 'all' | string[]) {
    return this.audit.read(principal, {
      recordType: 'correspondence',
      recordIds: items.map((i) => i.id),
      partyIds: items.map((i) => i.recipientId),
      ...(readable === 'all' ? {} : { actingFor: readable }),
    });
  }
}
