import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { hearingListedV1, hearingRelistedV1, hearingStatusChangedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { CaseQueries } from '../../case/application/case.queries';
import { Hearing, NewHearing, StatusChange } from '../domain/hearing';
import { HearingRepository } from '../infrastructure/hearing.repository';
import { HearingQueries } from './hearing.queries';

/** A new hearing as the caller asks for it; who listed it and when come from the call. */
export type ListHearingCommand = Omit<NewHearing, 'listedBy' | 'now'>;

/**
 * Use cases that change hearings, each publishing what changed (keyed by the case, so a case's
 * hearings and its other events reach consumers in the order they happened).
 */
@Injectable()
export class HearingCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseQueries,
    private readonly hearings: HearingRepository,
    private readonly queries: HearingQueries,
  ) {}

  async list(
    command: ListHearingCommand,
    principal: Principal,
    options: { correlationId?: string } = {},
    now = new Date(),
  ): Promise<Hearing> {
    const found = await this.cases.get(command.caseId, principal);
    found.assertNotEnded('no hearing is listed on a case that has ended');
    const hearing = Hearing.list({ ...command, caseId: found.id, listedBy: principal.sub, now });
    await this.work.run(
      { actor: principal.sub, correlationId: options.correlationId },
      async (tx) => {
        await this.hearings.insert(tx.manager, hearing);
        const h = hearing.snapshot;
        tx.publish({
          type: hearingListedV1,
          subject: h.caseId,
          data: {
            caseId: h.caseId,
            hearingId: h.id,
            hearingType: h.hearingType,
            venueId: h.venueId,
            venueName: h.venueName,
            startsAt: h.startsAt.toISOString(),
            durationMinutes: h.durationMinutes,
          },
        });
      },
      now,
    );
    return hearing;
  }

  async changeStatus(
    hearingId: string,
    change: StatusChange,
    principal: Principal,
    options: { caseId?: string; correlationId?: string } = {},
    now = new Date(),
  ): Promise<Hearing> {
    // Access is checked before the transaction: a hearing never moves to another case, and checking
    // inside would hold a locked connection while asking the pool for a second one.
    const seen = await this.queries.get(hearingId, principal, options.caseId);
    // Listing it again tells the parties to come: not on a case that has ended.
    if (change.status === 'listed')
      (await this.cases.get(seen.snapshot.caseId, principal)).assertNotEnded(
        'no hearing is listed again on a case that has ended',
      );
    return this.work.run(
      { actor: principal.sub, correlationId: options.correlationId },
      async ({ manager, publish }) => {
        const hearing = await this.hearings.findForUpdate(manager, hearingId);
        if (!hearing) throw new NotFoundError('The hearing');
        const before = hearing.snapshot.startsAt;
        const { from, to } = hearing.changeStatus(change, principal.sub, now);
        await this.hearings.update(manager, hearing);
        const h = hearing.snapshot;
        publish({
          type: hearingStatusChangedV1,
          subject: h.caseId,
          data: {
            caseId: h.caseId,
            hearingId: h.id,
            from,
            to,
            startsAt: h.startsAt.toISOString(),
            ...(h.delayMinutes !== null ? { delayMinutes: h.delayMinutes } : {}),
          },
        });
        // Listed again after an adjournment, even for the same start: the parties were told it would not
        // go ahead, and now hear when and where it will.
        if (from === 'adjourned' && to === 'listed')
          publish({
            type: hearingRelistedV1,
            subject: h.caseId,
            data: {
              caseId: h.caseId,
              hearingId: h.id,
              previousStartsAt: before.toISOString(),
              startsAt: h.startsAt.toISOString(),
              venueName: h.venueName,
            },
          });
        return hearing;
      },
      now,
    );
  }
}
