import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { hearingStatusChangedV1 } from '@ccsc/contracts';
import { LiveEvents, mapLive } from '@ccsc/messaging';
import { AppError } from '@ccsc/platform';
import { CaseQueries } from '../../case/application/case.queries';
import type { Hearing, HearingStatus } from '../domain/hearing';
import { HearingQueries } from './hearing.queries';

/** A hearing's status change as a subscriber receives it: the hearing as it now stands, and the change. */
export interface HearingStatusChange {
  hearing: Hearing;
  from: HearingStatus;
  to: HearingStatus;
  changedAt: Date;
}

/** What reading a hearing answers when the caller may not (or no longer) see it. */
const REFUSED = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * The status changes of a case's hearings as they happen, from the service's own
 * `hearing-status-changed` events followed live on every replica (LiveEvents), so a subscriber hears of
 * a change whichever replica made it. Who may subscribe is who may read the case (CaseQueries: a case
 * the caller may not see is not found), and each change is read again through HearingQueries with the
 * subscriber's access before it is delivered: one the subscriber may no longer see is not delivered.
 */
@Injectable()
export class HearingStatusFeed implements OnModuleInit {
  private readonly logger = new Logger('HearingStatusFeed');

  constructor(
    private readonly live: LiveEvents,
    private readonly cases: CaseQueries,
    private readonly hearings: HearingQueries,
  ) {}

  onModuleInit() {
    this.live.follow(hearingStatusChangedV1);
  }

  async changes(caseId: string, principal: Principal): Promise<AsyncIterableIterator<HearingStatusChange>> {
    // Subscribed before the check, so no change made while it runs is missed.
    const events = this.live.subscribe(hearingStatusChangedV1, (event) => event.data.caseId === caseId);
    try {
      await this.cases.get(caseId, principal);
    } catch (error) {
      await events.return?.();
      throw error;
    }
    return mapLive(events, async (event) => {
      try {
        return {
          hearing: await this.hearings.get(event.data.hearingId, principal, caseId),
          from: event.data.from as HearingStatus,
          to: event.data.to as HearingStatus,
          changedAt: new Date(event.time),
        };
      } catch (error) {
        // Refused now (the case's access changed): not delivered. Anything else is not delivered either,
        // since the subscription is a notification and the hearing stays readable, but is logged.
        if (!(error instanceof AppError && REFUSED.has(error.code)))
          this.logger.warn(
            { err: error, hearingId: event.data.hearingId },
            'a hearing status change was not delivered',
          );
        return undefined;
      }
    });
  }
}
