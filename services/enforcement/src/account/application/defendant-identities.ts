import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, PartyIdentityChangedV2 } from '@ccsc/contracts';
import { PartyIdentityRepository } from '../infrastructure/party-identity.repository';

/**
 * Who each defendant is across cases, as staff in cases matched parties of different cases (enforcement never
 * matches anyone itself). Consolidation and a defendant's accounts read it through the repository.
 */
@Injectable()
export class DefendantIdentities {
  constructor(private readonly identities: PartyIdentityRepository) {}

  /**
   * Cases' news of a party's match, inside the inbox transaction (so a redelivered event changes nothing): a
   * party's events come in the order cases made them, and the latest says who the party is, or, with no
   * identity, that the party is matched with no one any more. A v1 event (read as a v2 without `matchedBy`)
   * does not say who matched: money does not move on that match until it is made again.
   */
  async record(manager: EntityManager, event: EventEnvelope<PartyIdentityChangedV2>): Promise<void> {
    const { caseId, partyId, identityId, matchedBy } = event.data;
    if (!identityId) return this.identities.remove(manager, partyId);
    const match = { partyId, caseId, identityId, matchedBy: matchedBy ?? null, matchedAt: new Date(event.time) };
    await this.identities.record(manager, match);
  }
}
