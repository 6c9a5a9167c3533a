import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@ccsc/platform';
import type { Principal } from '@ccsc/auth';
import { assistedDigitalReferralChangedV1 } from '@ccsc/contracts';
import { appendToOutbox } from '@ccsc/messaging';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import { CaseQueries } from '../../case/application/case.queries';
import { loadVisibleCase } from '../../case/application/visible-case';
import { caseAccessOf } from '../../case/domain/case-access';
import { hasPartyAccess } from '../../case/domain/party-access';
import { DigitalNeed, moveReferral, Referral, ReferralStatus } from '../domain/referral';

interface ReferralRow {
  id: string;
  case_id: string;
  party_id: string;
  needs: DigitalNeed[];
  status: ReferralStatus;
  supplier_reference: string | null;
  created_at: Date;
  updated_at: Date;
}

const toReferral = (r: ReferralRow): Referral => ({
  id: r.id,
  caseId: r.case_id,
  partyId: r.party_id,
  needs: r.needs,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.supplier_reference ? { supplierReference: r.supplier_reference } : {}),
});

/** Assisted digital: an officer's needs assessment, the referral to the supplier, and its progress. */
@Injectable()
export class ReferralCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly queries: CaseQueries,
  ) {}

  refer(caseId: string, partyId: string, needs: DigitalNeed[], principal: Principal, correlationId?: string, now = new Date()): Promise<Referral> {
    return this.dataSource.transaction(async (manager) => {
      (await loadVisibleCase(manager, this.cases, caseId, principal)).party(partyId);
      const referral: Referral = { id: randomUUID(), caseId, partyId, needs: [...new Set(needs)], status: 'referred', createdAt: now, updatedAt: now };
      await manager.query(
        `INSERT INTO assisted_digital_referrals (id, case_id, party_id, needs, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [referral.id, caseId, partyId, referral.needs, referral.status, now],
      );
      await appendToOutbox(manager, [{ type: assistedDigitalReferralChangedV1, subject: caseId, data: { caseId, referralId: referral.id, status: 'referred' } }], { correlationId, actor: principal.sub }, now);
      return referral;
    });
  }

  update(caseId: string, referralId: string, status: ReferralStatus, supplierReference: string | undefined, principal: Principal, correlationId?: string, now = new Date()): Promise<Referral> {
    return this.dataSource.transaction(async (manager) => {
      await loadVisibleCase(manager, this.cases, caseId, principal);
      const [row] = (await manager.query(`SELECT * FROM assisted_digital_referrals WHERE id = $1 AND case_id = $2 FOR UPDATE`, [referralId, caseId])) as ReferralRow[];
      if (!row) throw new NotFoundError('The referral');
      const moved = moveReferral(toReferral(row), status, supplierReference, now);
      await manager.query(`UPDATE assisted_digital_referrals SET status = $2, supplier_reference = $3, updated_at = $4 WHERE id = $1`, [
        referralId,
        moved.status,
        moved.supplierReference ?? null,
        now,
      ]);
      await appendToOutbox(manager, [{ type: assistedDigitalReferralChangedV1, subject: caseId, data: { caseId, referralId, status } }], { correlationId, actor: principal.sub }, now);
      return moved;
    });
  }

  /** The referrals of the parties the caller may see the details of (hasPartyAccess): needs such as a disability are the party's own. */
  async list(caseId: string, principal: Principal): Promise<Referral[]> {
    const access = caseAccessOf(principal);
    const visible = (await this.queries.get(caseId, principal)).parties.filter((p) => hasPartyAccess(access, p)).map((p) => p.id);
    const rows = (await this.dataSource.query(`SELECT * FROM assisted_digital_referrals WHERE case_id = $1 AND party_id = ANY($2::uuid[]) ORDER BY created_at, id`, [
      caseId,
      visible,
    ])) as ReferralRow[];
    return rows.map(toReferral);
  }
}
