import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { caseAccessChangedV2, caseCreatedV1, caseStateChangedV1, claimAmountRecordedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { Case, NewParty } from '../domain/case';
import { CaseRepository } from '../infrastructure/case.repository';
import { accessChanged } from '../domain/case-access';
import { caseActorOf } from '../domain/party-access';
import { partiesEnteredBy } from '../../party/domain/representation';
import { loadVisibleCase } from './visible-case';

export interface CreateCaseCommand {
  caseType: string;
  parties: NewParty[];
  claimAmountPence?: number;
}

/** Use cases that change cases; each runs in one transaction with the events it publishes (outbox). */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseRepository,
  ) {}

  async create(
    command: CreateCaseCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Case> {
    const parties = partiesEnteredBy(principal, command.parties);
    const aggregate = Case.create({
      caseType: command.caseType,
      parties,
      createdBy: principal.sub,
      now,
      ...(command.claimAmountPence != null ? { claimAmountPence: command.claimAmountPence } : {}),
    });
    const s = aggregate.snapshot;
    await this.work.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        await this.cases.insert(tx.manager, aggregate);
        tx.publish(
          {
            type: caseCreatedV1,
            subject: s.id,
            data: { caseId: s.id, reference: s.reference, caseType: s.caseType, state: s.state },
          },
          { type: caseAccessChangedV2, subject: s.id, data: accessChanged(s, s.version) },
        );
        // Before any event of the case that makes its fees due, on the same key: payments prices them by it.
        if (s.claimAmountPence !== null)
          tx.publish({
            type: claimAmountRecordedV1,
            subject: s.id,
            data: { caseId: s.id, claimAmountPence: s.claimAmountPence },
          });
      },
      now,
    );
    return aggregate;
  }

  async triggerEvent(
    caseId: string,
    event: string,
    principal: Principal,
    options: { reason?: string; correlationId?: string } = {},
    now = new Date(),
  ): Promise<Case> {
    const { reason, correlationId } = options;
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
        const { from, to, feesDue } = aggregate.trigger(event, caseActorOf(principal, aggregate.parties), now);
        await this.cases.update(manager, aggregate);
        const transition = {
          caseId,
          event,
          from,
          to,
          actor: principal.sub,
          actorRoles: principal.roles,
          reason,
          at: now,
        };
        await this.cases.recordTransition(manager, transition);
        const { reference } = aggregate.snapshot;
        const data = { caseId, reference, event, from, to, ...(feesDue.length ? { feesDue } : {}) };
        publish({ type: caseStateChangedV1, subject: caseId, data });
        return Case.restore({ ...aggregate.snapshot, version: aggregate.snapshot.version + 1 });
      },
      now,
    );
  }
}

/** Payments reports fees settled or owed again; the case's readiness follows. Idempotent through the inbox. */
export async function changeCaseFees(
  manager: EntityManager,
  cases: CaseRepository,
  caseId: string,
  change: (aggregate: Case) => unknown,
): Promise<void> {
  const aggregate = await cases.findForUpdate(manager, caseId);
  if (!aggregate) return;
  change(aggregate);
  await cases.saveFees(manager, caseId, aggregate.snapshot.fees);
}
