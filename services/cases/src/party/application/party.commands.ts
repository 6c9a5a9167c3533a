import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { caseAccessChangedV2, partyAddedV1, partyUpdatedV1, representationChangedV1 } from '@ccsc/contracts';
import { PendingEvent, UnitOfWork } from '@ccsc/messaging';
import type { Case, NewParty } from '../../case/domain/case';
import type { Party, PartyDetails, PartyDetailsChange } from '../../case/domain/party';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { loadVisibleCase } from '../../case/application/visible-case';
import { accessChanged, relationOf } from '../../case/domain/case-access';
import { assertMayAddParty, assertMayChangeParty, assertMayChangeRepresentation } from '../domain/representation';

/** What PartyUpdatedV1 calls a changed detail: the address lines are "the address" (values never leave the service). */
const eventFieldOf = (field: keyof PartyDetails): string => (field === 'addressLines' ? 'address' : field);

/**
 * Parties and their representation. Who may do what is decided in domain/representation.ts: staff
 * everything; whoever acts for a party (its citizen, its firm) changes its details and may take its
 * firm off the record; a firm adds parties, naming itself only on its own side.
 */
@Injectable()
export class PartyCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseRepository,
  ) {}

  addParty(caseId: string, input: NewParty, principal: Principal, correlationId?: string): Promise<Party> {
    return this.change(caseId, principal, correlationId, (aggregate, now) => {
      assertMayAddParty(principal, input, aggregate.parties);
      const party = aggregate.addParty(input, now);
      return {
        result: party,
        events: [{ type: partyAddedV1, subject: caseId, data: { caseId, partyId: party.id, role: party.role } }],
      };
    });
  }

  updateParty(
    caseId: string,
    partyId: string,
    details: PartyDetailsChange,
    principal: Principal,
    correlationId?: string,
  ): Promise<Party> {
    return this.change(caseId, principal, correlationId, (aggregate, now) => {
      assertMayChangeParty(principal, aggregate.party(partyId));
      const fields = aggregate.updateParty(partyId, details, now).map(eventFieldOf);
      const events = fields.length
        ? [{ type: partyUpdatedV1, subject: caseId, data: { caseId, partyId, fields } }]
        : [];
      return { result: aggregate.party(partyId), events };
    });
  }

  changeRepresentation(
    caseId: string,
    partyId: string,
    organisationId: string | undefined,
    principal: Principal,
    correlationId?: string,
  ): Promise<Party> {
    return this.change(caseId, principal, correlationId, (aggregate, now) => {
      assertMayChangeRepresentation(principal, aggregate.party(partyId), organisationId);
      const { from, to } = aggregate.changeRepresentation(partyId, organisationId, now);
      const events =
        from === to
          ? []
          : [
              {
                type: representationChangedV1,
                subject: caseId,
                data: { caseId, partyId, ...(from ? { from } : {}), ...(to ? { to } : {}) },
              },
            ];
      return { result: aggregate.party(partyId), events };
    });
  }

  /**
   * Loads the case the caller can see, applies the change, saves it with its events in one
   * transaction, and tells the other services when the case's parties, their accounts or their firms moved.
   */
  private change<T>(
    caseId: string,
    principal: Principal,
    correlationId: string | undefined,
    apply: (aggregate: Case, now: Date) => { result: T; events: PendingEvent[] },
  ): Promise<T> {
    return this.work.run({ correlationId, actor: principal.sub }, async ({ manager, now, publish }) => {
      const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
      const before = JSON.stringify(aggregate.parties.map(relationOf));
      const { result, events } = apply(aggregate, now);
      if (JSON.stringify(aggregate.parties.map(relationOf)) !== before) {
        // The update below moves the case to the next version: that is the change's sequence.
        events.push({
          type: caseAccessChangedV2,
          subject: caseId,
          data: accessChanged(aggregate.snapshot, aggregate.snapshot.version + 1),
        });
      }
      await this.cases.update(manager, aggregate);
      publish(...events);
      return result;
    });
  }
}
