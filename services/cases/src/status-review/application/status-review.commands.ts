import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { ConflictError, NotFoundError } from '@ccsc/platform';
import { UnitOfWork } from '@ccsc/messaging';
import { moveCaseOn } from '../../case/application/case.commands';
import { loadVisibleCase } from '../../case/application/visible-case';
import { CaseRepository } from '../../case/infrastructure/case.repository';
import {
  type IssueMindedToNoticeCommand,
  MINDED_TO_NOTICE_EVENT,
  type MindedToNotice,
  mindedToNoticeEvent,
  type RecordRepresentationsCommand,
  type Representations,
  representationsDue,
  representationsOn,
} from '../domain/minded-to-notice';
import { assertTakesReferral, type RecordReferralCommand, type Referral } from '../domain/referral';
import { MindedToNoticeRepository } from '../infrastructure/minded-to-notice.repository';
import { ReferralRepository } from '../infrastructure/referral.repository';

/**
 * The status review's records: the referral that starts it, the minded-to notice (issued with the case-type
 * event it belongs to) and the representations made on it. Each locks the case, so they and its events queue.
 */
@Injectable()
export class StatusReviewCommands {
  constructor(
    private readonly work: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly referrals: ReferralRepository,
    private readonly notices: MindedToNoticeRepository,
  ) {}

  recordReferral(
    caseId: string,
    command: RecordReferralCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Referral> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager }) => {
        const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
        assertTakesReferral(aggregate.type, aggregate.snapshot.state);
        const referral: Referral = { id: randomUUID(), caseId, ...command, recordedBy: principal.sub, recordedAt: now };
        await this.referrals.insert(manager, referral);
        return referral;
      },
      now,
    );
  }

  /**
   * Records the notice with its proposed outcome and grounds and triggers its case-type event in one transaction:
   * the event's readiness (accepted evidence, the grounds given) and who may trigger it decide, and the state it
   * enters starts the time for representations. Triggered without this, the event finds no grounds and waits.
   */
  issueMindedToNotice(
    caseId: string,
    command: IssueMindedToNoticeCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<MindedToNotice> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const found = await loadVisibleCase(tx.manager, this.cases, caseId, principal);
        mindedToNoticeEvent(found.type);
        if (await this.notices.findForCase(caseId, tx.manager))
          throw new ConflictError('A minded-to notice has already been issued on this case');
        const due = representationsDue(found.type, now);
        const notice: MindedToNotice = {
          id: randomUUID(),
          caseId,
          ...command,
          representationsDueOn: due.date,
          calendarVersion: due.calendarVersion,
          issuedBy: principal.sub,
          issuedAt: now,
          representations: [],
        };
        await this.notices.insert(tx.manager, notice);
        // Read again in this transaction, so the event's readiness sees the grounds just recorded.
        const aggregate = await this.cases.findForUpdate(tx.manager, caseId);
        if (!aggregate) throw new NotFoundError('The case');
        await moveCaseOn(tx, this.cases, aggregate, MINDED_TO_NOTICE_EVENT, principal, {}, now);
        return notice;
      },
      now,
    );
  }

  recordRepresentations(
    caseId: string,
    command: RecordRepresentationsCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Representations> {
    return this.work.run(
      { correlationId, actor: principal.sub },
      async ({ manager }) => {
        const aggregate = await loadVisibleCase(manager, this.cases, caseId, principal);
        const notice = await this.notices.findForCase(caseId, manager);
        if (!notice) throw new ConflictError('No minded-to notice has been issued on this case');
        const noticeState = mindedToNoticeEvent(aggregate.type).to;
        const { late } = representationsOn(notice, noticeState, aggregate.snapshot.state, command.receivedOn, now);
        const representations: Representations = {
          id: randomUUID(),
          noticeId: notice.id,
          caseId,
          ...command,
          late,
          recordedBy: principal.sub,
          recordedAt: now,
        };
        await this.notices.insertRepresentations(manager, representations);
        return representations;
      },
      now,
    );
  }
}
