import { Injectable } from '@nestjs/common';
import { hasRole, type Principal } from '@ccsc/auth';
import { UnitOfWork } from '@ccsc/messaging';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@ccsc/platform';
import {
  isOpen,
  needsWelsh,
  WELSH_QUEUE,
  type EnquiryRecord,
  type EnquiryStatus,
  type EscalationTarget,
} from '../../enquiry/domain/enquiry';
import { EnquiryChanges, type ChangeContext } from '../../enquiry/application/enquiry-changes';
import { EnquiryRepository } from '../../enquiry/infrastructure/enquiry.repository';
import { ALLOCATORS } from '../../roles';
import { OfficerRepository } from '../../work/infrastructure/officer.repository';
import type { EntityManager } from 'typeorm';

const WAITING: readonly EnquiryStatus[] = ['new', 'triaged', 'escalated'];

/** Where judicial escalations wait: the case-directions team's queue. */
export const JUDICIAL_QUEUE = 'judicial';

/**
 * Work allocation: officers claim work or take the next task of a queue; team leaders assign,
 * reassign and unassign; anyone working an enquiry can escalate it with a reason. Every change is
 * in the enquiry's history.
 */
@Injectable()
export class AllocationCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly enquiries: EnquiryRepository,
    private readonly changes: EnquiryChanges,
    private readonly officers: OfficerRepository,
  ) {}

  async claim(
    enquiryId: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    return this.changes.change(enquiryId, principal, (ctx) => this.claimIn(ctx, principal), correlationId, now);
  }

  /**
   * Takes the next task of a queue in HMCTS order; the row lock skips tasks another officer is
   * taking at that moment.
   */
  async next(
    queueId: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord | null> {
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        if (!(await this.enquiries.queueExists(tx.manager, queueId))) throw new NotFoundError('The queue');
        const welsh = await this.speaksWelsh(tx.manager, principal.sub);
        if (queueId === WELSH_QUEUE && !welsh) throw welshRefusal('You are');
        const id = await this.enquiries.lockNextTask(tx.manager, queueId, {
          teamLeader: hasRole(principal, ...ALLOCATORS),
          welsh,
        });
        return id ? this.changes.changeIn(tx, id, principal, (ctx) => this.claimIn(ctx, principal)) : null;
      },
      now,
    );
  }

  async claimIn(ctx: ChangeContext, principal: Principal): Promise<void> {
    if (ctx.enquiry.assignedTo)
      throw new ConflictError(
        ctx.enquiry.assignedTo === ctx.actor
          ? 'You already have this enquiry'
          : 'Someone else already has this enquiry',
      );
    // An officer escalated it because it needs a team leader: it must not come straight back to an officer.
    if (ctx.enquiry.status === 'escalated' && ctx.enquiry.escalatedTo === 'team-leader')
      requireTeamLeader(principal, 'take an enquiry escalated to a team leader');
    if (needsWelsh(ctx.enquiry)) await this.requireWelsh(ctx.manager, ctx.actor, 'You are');
    this.assignTo(ctx.enquiry, ctx.actor);
    await ctx.move('assigned', undefined, { assignedTo: ctx.actor, how: 'claimed' });
  }

  /** A team leader gives the enquiry to an officer, or moves it from one officer to another. */
  async assign(
    enquiryId: string,
    officer: string,
    principal: Principal,
    reason?: string,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    requireTeamLeader(principal, 'assign work');
    if (!officer.trim())
      throw new BadUserInputError('Invalid assignment', [{ field: 'officer', message: 'must name an officer' }]);
    return this.changes.change(enquiryId, principal, (ctx) => this.assignIn(ctx, officer, reason), correlationId, now);
  }

  async assignIn(ctx: ChangeContext, officer: string, reason?: string): Promise<void> {
    const { enquiry } = ctx;
    const previous = enquiry.assignedTo;
    if (previous === officer) throw new ConflictError('The enquiry is already with that officer');
    if (needsWelsh(enquiry)) await this.requireWelsh(ctx.manager, officer, `${officer} is`);
    if (previous) {
      if (!isOpen(enquiry.status)) throw new ConflictError('Only open enquiries can be reassigned');
      enquiry.assignedTo = officer;
      await this.enquiries.record(ctx.manager, enquiry.id, {
        kind: 'reassigned',
        detail: { from: previous, to: officer },
        reason: reason ?? null,
        actor: ctx.actor,
        at: ctx.now,
      });
    } else {
      this.assignTo(enquiry, officer);
      await ctx.move('assigned', reason, { assignedTo: officer, how: 'assigned' });
    }
  }

  /** Back to the queue: by a team leader, or by the officer who has it. */
  async unassign(
    enquiryId: string,
    principal: Principal,
    reason?: string,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    return this.changes.change(
      enquiryId,
      principal,
      (ctx) => this.unassignIn(ctx, principal, reason),
      correlationId,
      now,
    );
  }

  async unassignIn(ctx: ChangeContext, principal: Principal, reason?: string): Promise<void> {
    const { enquiry } = ctx;
    if (!enquiry.assignedTo) throw new ConflictError('The enquiry is not assigned');
    if (enquiry.assignedTo !== ctx.actor) requireTeamLeader(principal, "unassign someone else's work");
    const from = enquiry.assignedTo;
    enquiry.assignedTo = null;
    if (enquiry.status === 'assigned') await ctx.move('triaged', reason, { unassigned: from });
    else
      await this.enquiries.record(ctx.manager, enquiry.id, {
        kind: 'unassigned',
        detail: { from },
        reason: reason ?? null,
        actor: ctx.actor,
        at: ctx.now,
      });
  }

  /**
   * Escalation to a team leader (stays in its queue, flagged) or to the judicial / case-directions
   * team (moves to their queue). It leaves the officer's list; the reason is required.
   */
  async escalate(
    enquiryId: string,
    to: EscalationTarget,
    reason: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    if (!reason.trim())
      throw new BadUserInputError('An escalation needs a reason', [{ field: 'reason', message: 'must not be blank' }]);
    return this.changes.change(enquiryId, principal, (ctx) => this.escalateIn(ctx, to, reason), correlationId, now);
  }

  async escalateIn(ctx: ChangeContext, to: EscalationTarget, reason: string): Promise<void> {
    const { enquiry } = ctx;
    if (!isOpen(enquiry.status)) throw new ConflictError('Only open enquiries can be escalated');
    if (to === 'judicial' && !enquiry.caseId)
      throw new ConflictError('Only an enquiry about a case can go to the judicial / case-directions team');
    enquiry.escalatedTo = to;
    enquiry.assignedTo = null;
    if (to === 'judicial') enquiry.queueId = JUDICIAL_QUEUE;
    await ctx.move('escalated', reason, { to });
  }

  /**
   * A Welsh-language enquiry is answered in Welsh without delay: only an officer whose work profile
   * (the work queue's, kept by team leaders) has the welsh skill may take it or be given it.
   */
  private async requireWelsh(manager: EntityManager, officer: string, who: string): Promise<void> {
    if (!(await this.speaksWelsh(manager, officer))) throw welshRefusal(who);
  }

  private async speaksWelsh(manager: EntityManager, officer: string): Promise<boolean> {
    return (await this.officers.get(manager, officer))?.skills.includes('welsh') ?? false;
  }

  /** Only work waiting in a queue can be taken; work someone has is reassigned instead. */
  private assignTo(enquiry: EnquiryRecord, officer: string): void {
    if (!WAITING.includes(enquiry.status))
      throw new ConflictError(`An enquiry that is ${enquiry.status.replace('-', ' ')} is not waiting to be assigned`);
    enquiry.assignedTo = officer;
    enquiry.escalatedTo = null;
  }
}

function welshRefusal(who: string): ForbiddenError {
  return new ForbiddenError(`${who} without the welsh skill, which a Welsh-language enquiry needs`);
}

function requireTeamLeader(principal: Principal, what: string): void {
  if (!hasRole(principal, ...ALLOCATORS)) throw new ForbiddenError(`Only a team leader can ${what}`);
}
