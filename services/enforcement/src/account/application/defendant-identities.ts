import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, PartyIdentityChangedV1 } from '@ccsc/contracts';
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
   * identity, that the party is matched with no one any more. Who matched is the event's actor (the staff user
   * whose command it was); the party keeps everyone who ever matched it into its identity (a merge moves it,
   * and whoever matched it before still made that link).
   */
  async record(manager: EntityManager, event: EventEnvelope<PartyIdentityChangedV1>): Promise<void> {
    const { caseId, partyId, identityId } = event.data;
    if (!identityId) return this.identities.remove(manager, partyId);
    const match = { partyId, caseId, identityId, matchedBy: event.actor ?? null, matchedAt: new Date(event.time) };
    await this.identities.record(manager, match);
  }
}
