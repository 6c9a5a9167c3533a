import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { partyIdentityChangedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { AuditTrail } from '@ccsc/audit';
import { NotFoundError } from '@ccsc/platform';
import { type IdentityParty, matchIdentity } from '../domain/identity-match';
import { IdentityRepository } from '../infrastructure/identity.repository';

/**
 * One person or organisation across cases, as staff match them (never guessed): a party is matched with a party
 * of another case, or a mistaken match is taken back. Each party whose identity changes is announced, so
 * enforcement can treat the accounts of one defendant on several cases as one person's.
 */
@Injectable()
export class PartyIdentities {
  constructor(
    private readonly work: UnitOfWork,
    private readonly identities: IdentityRepository,
    private readonly audit: AuditTrail,
  ) {}

  async match(
    input: { caseId: string; partyId: string; sameAsPartyId: string },
    principal: Principal,
    correlationId?: string,
  ): Promise<string> {
    return this.work.run({ correlationId, actor: principal.sub }, async (tx) => {
      await this.identities.serialiseMatches(tx.manager);
      const locked = await this.identities.lockParties(tx.manager, [input.partyId, input.sameAsPartyId]);
      const party = locked.find((p) => p.partyId === input.partyId && p.caseId === input.caseId);
      if (!party) throw new NotFoundError('The party');
      const other = locked.find((p) => p.partyId === input.sameAsPartyId);
      if (!other && input.sameAsPartyId !== input.partyId) throw new NotFoundError('The party to match with');
      const sameAsParty = party.identityId ? await this.identities.lockIdentity(tx.manager, party.identityId) : [];
      const change = matchIdentity(party, other ?? party, sameAsParty);
      await this.identities.setIdentity(
        tx.manager,
        change.changed.map((p) => p.partyId),
        change.identityId,
      );
      tx.publish(
        ...change.changed.map(({ caseId, partyId }) => ({
          type: partyIdentityChangedV1,
          subject: caseId,
          data: { caseId, partyId, identityId: change.identityId },
        })),
      );
      return change.identityId;
    });
  }

  /** Takes a party out of its identity; a party that has none is left as it is, and nothing is announced. */
  async unmatch(input: { caseId: string; partyId: string }, principal: Principal, correlationId?: string) {
    await this.work.run({ correlationId, actor: principal.sub }, async (tx) => {
      await this.identities.serialiseMatches(tx.manager);
      const [party] = await this.identities.lockParties(tx.manager, [input.partyId]);
      if (!party || party.caseId !== input.caseId) throw new NotFoundError('The party');
      if (party.identityId === null) return;
      await this.identities.setIdentity(tx.manager, [party.partyId], null);
      tx.publish({
        type: partyIdentityChangedV1,
        subject: party.caseId,
        data: { caseId: party.caseId, partyId: party.partyId },
      });
    });
  }

  /** Every case of an identity, with the party it is there. */
  async identity(identityId: string, principal: Principal): Promise<{ id: string; parties: IdentityParty[] }> {
    const parties = await this.identities.partiesOf(identityId);
    if (parties.length === 0) throw new NotFoundError('The identity');
    await this.audit.read(principal, {
      recordType: 'party-identity',
      recordIds: [identityId],
      partyIds: parties.map((p) => p.partyId),
    });
    return { id: identityId, parties };
  }
}
