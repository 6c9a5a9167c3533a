import { Injectable } from '@nestjs/common';
import { accessScopeOf, type Principal } from '@ccsc/auth';
import { enquiryStatusChangedV1 } from '@ccsc/contracts';
import { UnitOfWork, type Transaction } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { assertMove, type EnquiryRecord, type EnquiryStatus } from '../domain/enquiry';
import { SlaClocks } from '../../sla/domain/sla-clock';
import { EnquiryRepository } from '../infrastructure/enquiry.repository';
import { SlaClockRepository } from '../../sla/infrastructure/sla-clock.repository';
import { EnquiryTasks } from '../../work/application/enquiry-tasks';

/** A change in hand: its transaction, the locked enquiry, and who is changing it. */
export interface ChangeContext extends Transaction {
  enquiry: EnquiryRecord;
  actor: string;
  /** Moves the enquiry's status, running its SLA clocks' rules and recording the move. */
  move(to: EnquiryStatus, reason?: string, detail?: Record<string, unknown>): Promise<void>;
}

/**
 * The one way an enquiry changes: locked, checked for visibility, changed, written back with its
 * clocks, its history, its events and its task of the work queue (EnquiryTasks) in one transaction. Every status move goes through `move`,
 * so pausing, resuming and stopping the SLA clocks cannot be forgotten by one command.
 */
@Injectable()
export class EnquiryChanges {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly enquiries: EnquiryRepository,
    private readonly clockStore: SlaClockRepository,
    private readonly clocks: SlaClocks,
    private readonly tasks: EnquiryTasks,
  ) {}

  async change(
    enquiryId: string,
    principal: Principal,
    work: (ctx: ChangeContext) => Promise<void>,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      (tx) => this.changeIn(tx, enquiryId, principal, work),
      now,
    );
  }

  /** The same inside a unit of work the caller holds (raising an enquiry, or the work queue's commands on its task). */
  async changeIn(
    tx: Transaction,
    enquiryId: string,
    principal: Principal,
    work: (ctx: ChangeContext) => Promise<void>,
  ): Promise<EnquiryRecord> {
    const scope = accessScopeOf(principal);
    const enquiry = await this.enquiries.findForUpdate(tx.manager, enquiryId, scope);
    if (!enquiry) throw new NotFoundError('The enquiry');
    const ctx: ChangeContext = {
      ...tx,
      enquiry,
      actor: principal.sub,
      move: (to, reason, detail) => this.move(ctx, to, reason, detail),
    };
    await work(ctx);
    const system = { ...ctx, actor: 'system' };
    // Work coming back to an officer who can no longer take it goes back to its queue instead.
    if (enquiry.status === 'assigned' && enquiry.assignedTo && !(await this.tasks.mayHold(tx, enquiry))) {
      const from = enquiry.assignedTo;
      enquiry.assignedTo = null;
      await this.move(system, 'triaged', `${from} cannot take it now`, { unassigned: from });
    }
    // New work reaching a queue that auto-assigns goes straight to the least-loaded officer who may take it.
    const officer = await this.tasks.autoAssignee(tx, enquiry);
    if (officer) {
      enquiry.assignedTo = officer;
      enquiry.escalatedTo = null;
      // The system's doing, not the caller's (a citizen raising it, say), in both histories.
      await this.move(system, 'assigned', 'auto-assigned', {
        assignedTo: officer,
        how: 'auto-assigned',
      });
    }
    await this.enquiries.update(tx.manager, enquiry, tx.now);
    await this.clockStore.save(tx.manager, enquiry.id, enquiry.clocks);
    if (officer)
      await this.tasks.settle({ ...tx, context: { ...tx.context, actor: 'system' } }, enquiry, 'auto-assigned');
    else await this.tasks.settle(tx, enquiry);
    return this.enquiries.get(tx.manager, enquiryId, scope);
  }

  private async move(
    ctx: ChangeContext,
    to: EnquiryStatus,
    reason?: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const { enquiry, now, manager } = ctx;
    const from = enquiry.status;
    assertMove(from, to);
    if (to === 'awaiting-customer') enquiry.clocks = enquiry.clocks.map((c) => this.clocks.pause(c, now));
    if (from === 'awaiting-customer') enquiry.clocks = enquiry.clocks.map((c) => this.clocks.resume(c, now));
    if (to === 'resolved' || to === 'closed') {
      enquiry.clocks = enquiry.clocks.map((c) => this.clocks.stop(c, now));
    }
    if (to === 'resolved') {
      enquiry.resolvedAt = now;
      enquiry.resolvedFirstContact =
        !(await this.enquiries.wentBeyondFirstContact(manager, enquiry.id)) &&
        (await this.enquiries.countOutbound(manager, enquiry.id)) <= 1;
    }
    // Reopened, it is no longer resolved; closed, it stays resolved when and as it was (the figures count it).
    if (from === 'resolved' && to !== 'closed') {
      enquiry.resolvedAt = null;
      enquiry.resolvedFirstContact = null;
    }
    enquiry.status = to;
    await this.enquiries.record(manager, enquiry.id, {
      kind: 'status',
      fromStatus: from,
      toStatus: to,
      reason: reason ?? null,
      detail,
      actor: ctx.actor,
      at: now,
    });
    ctx.publish({
      type: enquiryStatusChangedV1,
      subject: enquiry.id,
      data: { enquiryId: enquiry.id, from, to, ...(enquiry.caseId ? { caseId: enquiry.caseId } : {}) },
    });
  }
}
