import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { enquiryStatusChangedV1 } from '@ccsc/contracts';
import { appendToOutbox, type PendingEvent } from '@ccsc/messaging';
import { NotFoundError } from '@ccsc/platform';
import { assertMove, type EnquiryStatus } from '../domain/enquiry';
import { SlaClocks } from '../../sla/domain/sla-clock';
import { EnquiryRecord, EnquiryRepository } from '../infrastructure/enquiry.repository';
import { SlaClockRepository } from '../../sla/infrastructure/sla-clock.repository';

export interface ChangeContext {
  manager: EntityManager;
  enquiry: EnquiryRecord;
  actor: string;
  now: Date;
  /** Events to publish with the change. */
  events: PendingEvent[];
  /** Moves the enquiry's status, running its SLA clocks' rules and recording the move. */
  move(to: EnquiryStatus, reason?: string, detail?: Record<string, unknown>): Promise<void>;
}

/**
 * The one way an enquiry changes: locked, checked for visibility, changed, written back with its
 * clocks, its history and its events in one transaction. Every status move goes through `move`,
 * so pausing, resuming and stopping the SLA clocks cannot be forgotten by one command.
 */
@Injectable()
export class EnquiryChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enquiries: EnquiryRepository,
    private readonly clockStore: SlaClockRepository,
    private readonly clocks: SlaClocks,
  ) {}

  async change(enquiryId: string, principal: Principal, work: (ctx: ChangeContext) => Promise<void>, correlationId?: string, now = new Date()): Promise<EnquiryRecord> {
    return this.dataSource.transaction((manager) => this.changeIn(manager, enquiryId, principal, work, correlationId, now));
  }

  /** The same inside a transaction the caller holds (e.g. with the next task already locked). */
  async changeIn(
    manager: EntityManager,
    enquiryId: string,
    principal: Principal,
    work: (ctx: ChangeContext) => Promise<void>,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    const enquiry = await this.enquiries.find(manager, enquiryId, principal, true);
    if (!enquiry) throw new NotFoundError('The enquiry');
    const ctx: ChangeContext = {
      manager,
      enquiry,
      actor: principal.sub,
      now,
      events: [],
      move: (to, reason, detail) => this.move(ctx, to, reason, detail),
    };
    await work(ctx);
    await this.enquiries.update(manager, enquiry, now);
    await this.clockStore.save(manager, enquiry.id, enquiry.clocks);
    await appendToOutbox(manager, ctx.events, { correlationId, actor: principal.sub }, now);
    return this.enquiries.get(manager, enquiryId, principal);
  }

  private async move(ctx: ChangeContext, to: EnquiryStatus, reason?: string, detail: Record<string, unknown> = {}): Promise<void> {
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
      enquiry.resolvedFirstContact = !(await this.enquiries.wentBeyondFirstContact(manager, enquiry.id)) && (await this.enquiries.countOutbound(manager, enquiry.id)) <= 1;
    }
    if (from === 'resolved') {
      enquiry.resolvedAt = null;
      enquiry.resolvedFirstContact = null;
    }
    enquiry.status = to;
    await this.enquiries.record(manager, enquiry.id, { kind: 'status', fromStatus: from, toStatus: to, reason: reason ?? null, detail, actor: ctx.actor, at: now });
    ctx.events.push({
      type: enquiryStatusChangedV1,
      subject: enquiry.id,
      data: { enquiryId: enquiry.id, from, to, ...(enquiry.caseId ? { caseId: enquiry.caseId } : {}) },
    });
  }
}
