import { Injectable } from '@nestjs/common';
import { isStaff, type Principal } from '@ccsc/auth';
import { ForbiddenError } from '@ccsc/platform';
import { CaseQueries } from '../../case/application/case.queries';
import { REFERRAL_READERS } from '../../roles';
import { asSeenByParties, type MindedToNoticeAsSeen } from '../domain/minded-to-notice';
import type { Referral } from '../domain/referral';
import { MindedToNoticeRepository } from '../infrastructure/minded-to-notice.repository';
import { ReferralRepository } from '../infrastructure/referral.repository';

/**
 * A referral names its source and their concerns, which may come from intelligence: staff read it. The minded-to
 * notice is served on the person, and the representations are theirs: whoever may see the case reads them.
 */
@Injectable()
export class StatusReviewQueries {
  constructor(
    private readonly cases: CaseQueries,
    private readonly referrals: ReferralRepository,
    private readonly notices: MindedToNoticeRepository,
  ) {}

  async referralsOf(caseId: string, principal: Principal): Promise<Referral[]> {
    // Checked here, not only on the route: the GraphQL field runs without the guards.
    if (!principal.roles.some((role) => REFERRAL_READERS.includes(role)))
      throw new ForbiddenError("Referrals are read by the review's caseworkers");
    await this.cases.get(caseId, principal);
    return this.referrals.forCase(caseId);
  }

  async mindedToNotice(caseId: string, principal: Principal): Promise<MindedToNoticeAsSeen | undefined> {
    await this.cases.get(caseId, principal);
    const notice = await this.notices.findForCase(caseId);
    return notice && !isStaff(principal) ? asSeenByParties(notice) : notice;
  }
}
