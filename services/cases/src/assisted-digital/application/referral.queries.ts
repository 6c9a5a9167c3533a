import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { CaseQueries } from '../../case/application/case.queries';
import { caseAccessOf } from '../../case/domain/case-access';
import { hasPartyAccess } from '../../case/domain/party-access';
import type { Referral } from '../domain/referral';
import { ReferralRepository } from '../infrastructure/referral.repository';

@Injectable()
export class ReferralQueries {
  constructor(
    private readonly cases: CaseQueries,
    private readonly referrals: ReferralRepository,
  ) {}

  /**
   * The referrals of the parties the caller may see the details of (hasPartyAccess): needs such as a
   * disability are the party's own.
   */
  async list(caseId: string, principal: Principal): Promise<Referral[]> {
    const access = caseAccessOf(principal);
    const visible = (await this.cases.get(caseId, principal)).parties
      .filter((p) => hasPartyAccess(access, p))
      .map((p) => p.id);
    return this.referrals.forParties(caseId, visible);
  }
}
