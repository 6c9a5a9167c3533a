import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { assistedDigitalReferralChangedV1 } from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { loadVisibleCase } from '../../case/application/visible-case';
import { DigitalNeed, moveReferral, Referral, ReferralStatus } from '../domain/referral';
import { ReferralRepository } from '../infrastructure/referral.repository';

/** Assisted digital: an officer's needs assessment, the referral to the supplier, and its progress. */
@Injectable()
export class ReferralCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly referrals: ReferralRepository,
  ) {}

  refer(
    caseId: string,
    partyId: string,
    needs: DigitalNeed[],
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Referral> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        const visible = await loadVisibleCase(manager, this.cases, caseId, principal);
        visible.assertNotEnded('no one is referred for help with it once it has ended');
        visible.party(partyId);
        const referral: Referral = {
          id: randomUUID(),
          caseId,
          partyId,
          needs: [...new Set(needs)],
          status: 'referred',
          createdAt: now,
          updatedAt: now,
        };
        await this.referrals.insert(manager, referral);
        publish({
          type: assistedDigitalReferralChangedV1,
          subject: caseId,
          data: { caseId, referralId: referral.id, status: 'referred' },
        });
        return referral;
      },
      now,
    );
  }

  update(
    caseId: string,
    referralId: string,
    status: ReferralStatus,
    supplierReference: string | undefined,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Referral> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager, publish }) => {
        await loadVisibleCase(manager, this.cases, caseId, principal);
        const found = await this.referrals.findForUpdate(manager, caseId, referralId);
        if (!found) throw new NotFoundError('The referral');
        const moved = moveReferral(found, status, supplierReference, now);
        await this.referrals.update(manager, moved);
        publish({ type: assistedDigitalReferralChangedV1, subject: caseId, data: { caseId, referralId, status } });
        return moved;
      },
      now,
    );
  }
}
