import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { caseAccessChangedV2, partyAddedV1, partyUpdatedV1, representationChangedV1 } from '@ccsc/contracts';
import { appendToOutbox, PendingEvent } from '@ccsc/messaging';
import type { Case, NewParty } from '../../case/domain/case';
import type { Party, PartyDetails } from '../../case/domain/party';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { loadVisibleCase } from '../../case/application/visible-case';
import { accessChanged, relationOf } from '../../case/domain/case-access';
import { assertMayAddParty, assertMayChangeParty, assertMayChangeRepresentation } from '../domain/representation';

/**
 * Parties and their representation. Who may do what is decided in domain/representation.ts: staff
 * everything; whoever acts for a party (its citizen, its firm) changes its details and may take its
 * firm off the record; a firm adds parties, naming itself only on its own side.
 */
@Injectable()
export class PartyCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  addParty(caseId: string, input: NewParty, principal: Principal, correlationId?: string): Promise<Party> {
    return this.change(caseId, principal, correlationId, (aggregate) => {
      assertMayAddParty(principal, input, aggregate.parties);
      const party = aggregate.addParty(input, new Date());
      return { result: party, events: [{ type: partyAddedV1, subject: caseId, data: { caseId, partyId: party.id, role: party.role } }] };
    });
  }

  updateParty(caseId: string, partyId: string, details: PartyDetails, principal: Principal, correlationId?: string): Promise<Party> {
    return this.change(caseId, principal, correlationId, (aggregate) => {
      assertMayChangeParty(principal, aggregate.party(partyId));
      const fields = aggregate.updateParty(partyId, details, new Date());
      const events = fields.length ? [{ type: partyUpdatedV1, subject: caseId, data: { caseId, partyId, fields } }] : [];
      return { result: aggregate.party(partyId), events };
    });
  }

  changeRepresentation(caseId: string, partyId: string, organisationId: string | undefined, principal: Principal, correlationId?: string): Promise<Party> {
    return this.change(caseId, principal, correlationId, (aggregate) => {
      assertMayChangeRepresentation(principal, aggregate.party(partyId), organisationId);
      const { from, to } = aggregate.changeRepresentation(partyId, organisationId, new Date());
      const events = from === to ? [] : [{ type: representationChangedV1, subject: caseId, data: { caseId, partyId, ...(from ? { from } : {}), ...(to ? { to } : {}) } }];
      return { result: aggregate.party(partyId), events };
    });
  }

  /**
   * Loads the case the caller can see, applies the change, saves it with its events in one
   * transaction, and tells the other services when the case's parties, their accounts or their firms moved.
   */
  private change<T>(caseId: string, principal: Principal, correlationId: string | undefined, apply: (aggregate: Case) => { result: T; events: PendingEvent[] }): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
      const before = JSON.stringify(aggregate.parties.map(relationOf));
      const { result, events } = apply(aggregate);
      if (JSON.stringify(aggregate.parties.map(relationOf)) !== before) {
        // The update below moves the case to the next version: that is the change's sequence.
        events.push({ type: caseAccessChangedV2, subject: caseId, data: accessChanged(aggregate.snapshot, aggregate.snapshot.version + 1) });
      }
      await this.cases.update(manager, aggregate);
      await appendToOutbox(manager, events, { correlationId, actor: principal.sub });
      return result;
    });
  }
}
