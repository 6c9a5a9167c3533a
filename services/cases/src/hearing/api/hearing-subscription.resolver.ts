import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CASE_READERS } from '../../roles';
import { CASE_ID } from '../../api-descriptions';
import { HearingStatusChange, HearingStatusFeed } from '../application/hearing-status-feed';
import { HearingStatusChangeModel } from './hearing.model';

/** Hearings as they change, over graphql-ws (the gateway subscribes with the caller's token). */
@Resolver()
export class HearingSubscriptionResolver {
  constructor(private readonly feed: HearingStatusFeed) {}

  @Subscription(() => HearingStatusChangeModel, {
    description:
      "Each change of a case's hearings' status from now on (running late, in progress, adjourned, vacated, completed, relisted), for whoever may read the case.",
    resolve: (change: HearingStatusChange) => HearingStatusChangeModel.from(change),
  })
  @Roles(...CASE_READERS)
  hearingStatusChanged(
    @Args('caseId', { type: () => ID, description: CASE_ID }) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.feed.changes(assertUuid(caseId, 'caseId'), principal);
  }
}
