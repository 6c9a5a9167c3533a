import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ccsc/audit';
import type { Principal } from '@ccsc/auth';
import { admits, audienceOfParties, caseAccessOf, partiesActedFor } from '@ccsc/case-access/rule';
import { CorrespondenceItemRepository, letterOfItem, type CorrespondenceItem } from '@ccsc/correspondence/outbox';
import { NotFoundError } from '@ccsc/platform';
import { CaseAddresseeRepository, type PartyRelationRow } from '../infrastructure/case-addressees.repository';

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
    const [items] = await this.forCases([caseId], principal);
    if (!items) throw new NotFoundError('The case');
    return items;
  }

  /**
   * Each case's items the caller may read, in the order asked (null for a case it may not see): a page of
   * cases is two reads and one audit record, whatever its length.
   */
  async forCases(caseIds: readonly string[], principal: Principal): Promise<(CorrespondenceItem[] | null)[]> {
    const relations = await this.addressees.relations(caseIds);
    const readable = caseIds.map((id) => readablePartiesOf(relations.get(id), principal));
    const byRecord = await this.items.forRecords(caseIds.filter((_, i) => readable[i]));
    const shown = caseIds.map((id, i) => {
      const parties = readable[i];
      const items = byRecord.get(id);
      if (!parties || !items) return null;
      return parties === 'all' ? items : items.filter((item) => parties.includes(item.recipientId));
    });
    await this.recordShown(
      principal,
      shown.flatMap((s) => s ?? []),
      readable,
    );
    return shown;
  }

  /** The item's letter, printed again from what was recorded: the same bytes as were sent. */
  async letter(id: string, principal: Principal): Promise<{ item: CorrespondenceItem; pdf: Buffer }> {
    const item = await this.items.findById(id);
    const readable =
      item && readablePartiesOf((await this.addressees.relations([item.recordId])).get(item.recordId), principal);
    if (!item || !readable || (readable !== 'all' && !readable.includes(item.recipientId)) || item.channel !== 'letter')
      throw new NotFoundError('The letter');
    await this.recordShown(principal, [item], [readable]);
    return { item, pdf: await letterOfItem(item) };
  }

  private recordShown(
    principal: Principal,
    items: readonly CorrespondenceItem[],
    readable: readonly ('all' | string[] | undefined)[],
  ) {
    // A party's side reads only what was sent to the parties it acts for: those of the items shown.
    const staff = readable.includes('all');
    return this.audit.read(principal, {
      recordType: 'correspondence',
      recordIds: items.map((i) => i.id),
      partyIds: items.map((i) => i.recipientId),
      ...(staff ? {} : { actingFor: [...new Set(items.map((i) => i.recipientId))] }),
    });
  }
}

/** 'all' for staff, the parties the caller acts for on a case it may see, undefined when it may not see it. */
function readablePartiesOf(
  relations: PartyRelationRow[] | undefined,
  principal: Principal,
): 'all' | string[] | undefined {
  if (!relations) return undefined;
  const access = caseAccessOf(principal);
  if (access.kind === 'all') return 'all';
  if (!admits(access, audienceOfParties(relations))) return undefined;
  return partiesActedFor(access, relations).map((p) => p.partyId);
}
