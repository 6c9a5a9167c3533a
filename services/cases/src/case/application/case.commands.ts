import type { LocalDate } from '@ccsc/calendar';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { caseAccessChangedV2, caseCreatedV1, caseStateChangedV1, claimAmountRecordedV1 } from '@ccsc/contracts';
import { type Transaction, UnitOfWork } from '@ccsc/messaging';
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
    options: EventDetails & { correlationId?: string } = {},
    now = new Date(),
  ): Promise<Case> {
    const { correlationId, ...details } = options;
    return this.work.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const aggregate = await loadVisibleCase(tx.manager, this.cases, caseId, principal);
        await moveCaseOn(tx, this.cases, aggregate, event, principal, details, now);
        return Case.restore({ ...aggregate.snapshot, version: aggregate.snapshot.version + 1 });
      },
      now,
    );
  }
}

/** What a person may say with an event: why (kept in the history), and the day its state's time ends, where it takes one. */
export interface EventDetails {
  reason?: string;
  until?: LocalDate;
}

/**
 * One event of the case, in the caller's transaction: the aggregate decides whether it may happen (state, who,
 * readiness as of `now`), then the case is saved, the transition recorded and `cases.case-state-changed.v1`
 * published. People and the deadline run (as `system`) move cases on through this alone.
 */
export async function moveCaseOn(
  tx: Transaction,
  cases: CaseRepository,
  aggregate: Case,
  event: string,
  principal: Principal,
  { reason, until }: EventDetails,
  now: Date,
): Promise<{ from: string; to: string }> {
  const actor = caseActorOf(principal, aggregate.parties);
  // What a party's side is told if the case is not ready: what it may know of, as readiness tells it.
  const seenBy =
    actor.kind === 'parties'
      ? await cases.waitingOn(
          aggregate.id,
          actor.parties.map((p) => p.partyId),
          tx.manager,
        )
      : undefined;
  const { from, to, feesDue } = aggregate.trigger(event, actor, now, until, seenBy);
  await cases.update(tx.manager, aggregate);
  await cases.recordTransition(tx.manager, {
    caseId: aggregate.id,
    event,
    from,
    to,
    actor: principal.sub,
    actorRoles: principal.roles,
    reason,
    at: now,
  });
  const { reference } = aggregate.snapshot;
  const data = { caseId: aggregate.id, reference, event, from, to, ...(feesDue.length ? { feesDue } : {}) };
  tx.publish({ type: caseStateChangedV1, subject: aggregate.id, data });
  return { from, to };
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
