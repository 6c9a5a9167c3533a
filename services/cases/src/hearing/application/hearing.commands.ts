import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { UnitOfWork } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { CaseQueries } from '../../case/application/case.queries';
import { Hearing, NewHearing, StatusChange } from '../domain/hearing';
import { HearingRepository } from '../infrastructure/hearing.repository';
import { HearingQueries } from './hearing.queries';

/** A new hearing as the caller asks for it; who listed it and when come from the call. */
export type ListHearingCommand = Omit<NewHearing, 'listedBy' | 'now'>;

/**
 * Use cases that change hearings. Nothing goes to the outbox: the shared event contracts define no
 * hearing event yet, and an event type is added there, for every consumer, not invented here.
 */
@Injectable()
export class HearingCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseQueries,
    private readonly hearings: HearingRepository,
    private readonly queries: HearingQueries,
  ) {}

  async list(command: ListHearingCommand, principal: Principal, now = new Date()): Promise<Hearing> {
    const found = await this.cases.get(command.caseId, principal);
    const hearing = Hearing.list({ ...command, caseId: found.id, listedBy: principal.sub, now });
    await this.work.run({ actor: principal.sub }, (tx) => this.hearings.insert(tx.manager, hearing), now);
    return hearing;
  }

  async changeStatus(
    hearingId: string,
    change: StatusChange,
    principal: Principal,
    options: { caseId?: string } = {},
    now = new Date(),
  ): Promise<Hearing> {
    // Access is checked before the transaction: a hearing never moves to another case, and checking
    // inside would hold a locked connection while asking the pool for a second one.
    await this.queries.get(hearingId, principal, options.caseId);
    return this.work.run(
      { actor: principal.sub },
      async ({ manager }) => {
        const hearing = await this.hearings.findForUpdate(manager, hearingId);
        if (!hearing) throw new NotFoundError('The hearing');
        hearing.changeStatus(change, principal.sub, now);
        await this.hearings.update(manager, hearing);
        return hearing;
      },
      now,
    );
  }
}
