import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { Case, NewParty } from '../domain/case';
import { CaseRepository } from '../infrastructure/case.repository';
import { caseAccessChangedV2, caseCreatedV1, caseStateChangedV1 } from '@ccsc/contracts';
import { accessChanged } from '../domain/case-access';
import { caseActorOf } from '../domain/party-access';
import { partiesEnteredBy } from '../../party/domain/representation';
import { appendToOutbox } from '@ccsc/messaging';
import { loadVisibleCase } from './visible-case';

export interface CreateCaseCommand {
  caseType: string;
  parties: NewParty[];
}

/** Use cases that change cases; each runs in one transaction with the events it publishes (outbox). */
@Injectable()
export class CaseCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async create(command: CreateCaseCommand, principal: Principal, correlationId?: string, now = new Date()): Promise<Case> {
    const parties = partiesEnteredBy(principal, command.parties);
    const aggregate = Case.create({ caseType: command.caseType, parties, createdBy: principal.sub, now });
    const s = aggregate.snapshot;
    await this.dataSource.transaction(async (manager) => {
      await this.cases.insert(manager, aggregate);
      await appendToOutbox(
        manager,
        [
          { type: caseCreatedV1, subject: s.id, data: { caseId: s.id, reference: s.reference, caseType: s.caseType, state: s.state } },
          { type: caseAccessChangedV2, subject: s.id, data: accessChanged(s, s.version) },
        ],
        { correlationId, actor: principal.sub },
        now,
      );
    });
    return aggregate;
  }

  async triggerEvent(caseId: string, event: string, principal: Principal, options: { reason?: string; correlationId?: string } = {}, now = new Date()): Promise<Case> {
    const { reason, correlationId } = options;
    return this.dataSource.transaction(async (manager) => {
      const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
      const { from, to, feesDue } = aggregate.trigger(event, caseActorOf(principal, aggregate.parties), now);
      await this.cases.update(manager, aggregate);
      await this.cases.recordTransition(manager, { caseId, event, from, to, actor: principal.sub, actorRoles: principal.roles, reason, at: now });
      const { reference } = aggregate.snapshot;
      await appendToOutbox(
        manager,
        [{ type: caseStateChangedV1, subject: caseId, data: { caseId, reference, event, from, to, ...(feesDue.length ? { feesDue } : {}) } }],
        { correlationId, actor: principal.sub },
        now,
      );
      return Case.restore({ ...aggregate.snapshot, version: aggregate.snapshot.version + 1 });
    });
  }
}

/** Payments reports fees settled or owed again; the case's readiness follows. Idempotent through the inbox. */
export async function changeCaseFees(manager: EntityManager, cases: CaseRepository, caseId: string, change: (aggregate: Case) => unknown): Promise<void> {
  const aggregate = await cases.findById(caseId, manager, true);
  if (!aggregate) return;
  change(aggregate);
  await cases.saveFees(manager, caseId, aggregate.snapshot.fees);
}
