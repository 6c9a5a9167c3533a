import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hasRole, isStaff, type Principal } from '@ccsc/auth';
import { CaseAccess } from '@ccsc/case-access';
import {
  assistedDigitalNeedIdentifiedV1,
  enquiryConvertedToComplaintV2,
  enquiryRaisedV1,
  type AssistedDigitalNeed,
} from '@ccsc/contracts';
import { UnitOfWork } from '@ccsc/messaging';
import { BadUserInputError, ConflictError, type FieldError, NotFoundError } from '@ccsc/platform';
import {
  isOpen,
  taskPriority,
  type ContactKind,
  type EnquiryChannel,
  type EnquiryPriority,
  type EnquiryRecord,
  type EnquiryStatus,
  type Language,
} from '../domain/enquiry';
import { SlaClocks } from '../../sla/domain/sla-clock';
import { targetsFor } from '../../sla/domain/sla-policy';
import { suggest } from '../../triage/domain/triage-rule';
import { EnquiryRepository } from '../infrastructure/enquiry.repository';
import { SlaClockRepository } from '../../sla/infrastructure/sla-clock.repository';
import { TriageRepository } from '../../triage/infrastructure/triage.repository';
import { EnquiryChanges } from './enquiry-changes';

export interface RaiseEnquiryCommand {
  channel: EnquiryChannel;
  subject: string;
  message: string;
  hearingRelated?: boolean;
  caseId?: string;
  category?: string;
  priority?: EnquiryPriority;
  language?: Language;
  contact: { name: string; email?: string; phone?: string; kind?: ContactKind };
  /** When it reached the service centre (a letter opened today may have arrived yesterday); staff only. */
  receivedAt?: Date;
}

export interface AddMessageCommand {
  body: string;
  parentId?: string;
  hearingRelated?: boolean;
  /** Staff record what the customer said (a call) as inbound; otherwise staff messages are replies. */
  direction?: 'inbound' | 'outbound';
}

/** Channels the public and partners use themselves; the rest are recorded by officers. */
export const SELF_SERVICE_CHANNELS: readonly EnquiryChannel[] = ['online-form', 'webchat', 'email'];
/** Status moves an officer makes directly; assignment, triage and escalation have their own commands. */
export const DIRECT_STATUSES: readonly EnquiryStatus[] = ['awaiting-customer', 'resolved', 'closed'];

@Injectable()
export class EnquiryCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly enquiries: EnquiryRepository,
    private readonly clockStore: SlaClockRepository,
    private readonly triage: TriageRepository,
    private readonly clocks: SlaClocks,
    private readonly caseAccess: CaseAccess,
    private readonly changes: EnquiryChanges,
  ) {}

  /**
   * Records a new enquiry with its first message, starts its SLA clocks from the policy table and
   * triages it by the rules (queue, priority, articles to signpost), in one transaction with its event.
   */
  async raise(
    command: RaiseEnquiryCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    const staff = isStaff(principal);
    const problems: FieldError[] = [];
    if (!staff && !SELF_SERVICE_CHANNELS.includes(command.channel))
      problems.push({ field: 'channel', message: `must be one of ${SELF_SERVICE_CHANNELS.join(', ')}` });
    if (!staff && command.priority === 'urgent')
      problems.push({ field: 'priority', message: 'is set by the service centre' });
    if (!staff && command.contact.kind) problems.push({ field: 'contact.kind', message: 'follows your account' });
    if (!staff && command.receivedAt)
      problems.push({ field: 'receivedAt', message: 'is recorded by the service centre' });
    if (command.receivedAt && command.receivedAt.getTime() > now.getTime())
      problems.push({ field: 'receivedAt', message: 'must not be in the future' });
    if (!command.subject.trim()) problems.push({ field: 'subject', message: 'must not be blank' });
    if (!command.message.trim()) problems.push({ field: 'message', message: 'must not be blank' });
    if (!command.contact.name.trim()) problems.push({ field: 'contact.name', message: 'must not be blank' });
    if (problems.length) throw new BadUserInputError('The enquiry cannot be raised as given', problems);
    if (command.caseId) await this.checkCaseLink(command.caseId, principal);

    const receivedAt = command.receivedAt ?? now;
    const id = randomUUID();
    return this.unitOfWork.run(
      { correlationId, actor: principal.sub },
      async (tx) => {
        const { manager, publish } = tx;
        const contactId = await this.enquiries.upsertContact(
          manager,
          randomUUID(),
          {
            kind: staff
              ? (command.contact.kind ?? 'public')
              : hasRole(principal, 'professional')
                ? 'professional'
                : 'public',
            name: command.contact.name.trim(),
            email: command.contact.email,
            phone: command.contact.phone,
            ...(!staff && hasRole(principal, 'citizen') ? { userId: principal.sub } : {}),
            ...(!staff && principal.organisationId ? { organisationId: principal.organisationId } : {}),
          },
          now,
        );
        const category = command.category ?? null;
        const suggestion = suggest(await this.triage.rules(manager), {
          category,
          text: `${command.subject}\n${command.message}`,
          priority: command.priority ?? 'normal',
          language: command.language ?? 'en',
        });
        const hearingRelated = command.hearingRelated ?? false;
        const priority = taskPriority(suggestion.priority, hearingRelated, receivedAt);
        await this.enquiries.insert(manager, {
          id,
          channel: command.channel,
          contactId,
          subject: command.subject.trim(),
          caseId: command.caseId ?? null,
          category,
          priority: suggestion.priority,
          language: command.language ?? 'en',
          status: 'triaged',
          queueId: suggestion.queueId,
          majorPriority: priority.major,
          minorPriority: priority.minor,
          priorityDate: priority.date,
          hearingRelated,
          receivedAt,
          raisedBy: principal.sub,
          createdAt: now,
        });
        await this.enquiries.addMessage(manager, {
          id: randomUUID(),
          enquiryId: id,
          parentId: null,
          direction: 'inbound',
          body: command.message,
          hearingRelated,
          author: principal.sub,
          createdAt: now,
        });
        const clocks = targetsFor(await this.clockStore.policies(manager), command.channel, category).map((t) =>
          this.clocks.start(t, receivedAt),
        );
        await this.clockStore.save(manager, id, clocks);
        await this.enquiries.record(manager, id, {
          kind: 'raised',
          toStatus: 'new',
          detail: { channel: command.channel },
          actor: principal.sub,
          at: now,
        });
        const articleIds = await this.triage.signpost(manager, id, suggestion.articleIds, 'system', now);
        await this.triage.recordDecision(manager, id, suggestion, {
          queueId: suggestion.queueId,
          priority: suggestion.priority,
          articleIds,
          overridden: false,
          reason: null,
          actor: 'system',
          at: now,
        });
        await this.enquiries.record(manager, id, {
          kind: 'status',
          fromStatus: 'new',
          toStatus: 'triaged',
          detail: { queueId: suggestion.queueId, ruleId: suggestion.ruleId },
          actor: 'system',
          at: now,
        });
        publish({
          type: enquiryRaisedV1,
          subject: id,
          data: {
            enquiryId: id,
            channel: command.channel,
            receivedAt: receivedAt.toISOString(),
            ...(category ? { category } : {}),
            ...(command.caseId ? { caseId: command.caseId } : {}),
          },
        });
        // Through the one way an enquiry changes, with nothing more to change: its task in the work queue.
        return this.changes.changeIn(tx, id, principal, () => Promise.resolve());
      },
      now,
    );
  }

  /**
   * Adds a message to the thread. An officer's reply is the first response (its clock stops); the
   * customer's answer to a question takes the enquiry off "awaiting customer" and its clocks resume.
   */
  async addMessage(
    enquiryId: string,
    command: AddMessageCommand,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    const staff = isStaff(principal);
    if (!staff && command.direction === 'outbound')
      throw new BadUserInputError('Invalid message', [
        { field: 'direction', message: 'only the service centre sends replies' },
      ]);
    if (!command.body.trim())
      throw new BadUserInputError('Invalid message', [{ field: 'body', message: 'must not be blank' }]);
    const direction = staff ? (command.direction ?? 'outbound') : 'inbound';
    return this.changes.change(
      enquiryId,
      principal,
      async (ctx) => {
        const { enquiry, manager } = ctx;
        if (enquiry.status === 'closed') throw new ConflictError('The enquiry is closed');
        if (command.parentId && !(await this.enquiries.messageBelongs(manager, command.parentId, enquiry.id))) {
          throw new BadUserInputError('Invalid message', [
            { field: 'parentId', message: 'is not a message of this enquiry' },
          ]);
        }
        const hearingRelated = command.hearingRelated ?? false;
        await this.enquiries.addMessage(manager, {
          id: randomUUID(),
          enquiryId: enquiry.id,
          parentId: command.parentId ?? null,
          direction,
          body: command.body,
          hearingRelated,
          author: ctx.actor,
          createdAt: ctx.now,
        });
        if (hearingRelated && !enquiry.hearingRelated) {
          enquiry.hearingRelated = true;
          enquiry.minorPriority = taskPriority(enquiry.priority, true, enquiry.priorityDate).minor;
        }
        if (direction === 'outbound' && !enquiry.firstResponseAt) {
          enquiry.firstResponseAt = ctx.now;
          enquiry.clocks = enquiry.clocks.map((c) => (c.clock === 'first-response' ? this.clocks.stop(c, ctx.now) : c));
        }
        // The customer's answer, or their writing back about a resolved enquiry, puts it back in the queue.
        if (direction === 'inbound' && (enquiry.status === 'awaiting-customer' || enquiry.status === 'resolved')) {
          await ctx.move(
            enquiry.assignedTo ? 'assigned' : 'triaged',
            enquiry.status === 'resolved' ? 'the customer wrote back' : 'the customer replied',
          );
        }
      },
      correlationId,
      now,
    );
  }

  async changeStatus(
    enquiryId: string,
    to: EnquiryStatus,
    principal: Principal,
    reason?: string,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    if (!DIRECT_STATUSES.includes(to)) {
      throw new BadUserInputError('Use the work-allocation or escalation commands for that', [
        { field: 'status', message: `must be one of ${DIRECT_STATUSES.join(', ')}` },
      ]);
    }
    return this.changes.change(enquiryId, principal, (ctx) => ctx.move(to, reason), correlationId, now);
  }

  /**
   * The enquiry is really a complaint: complaints opens one from the event, and the enquiry is
   * closed here with the reason. Converting twice is refused.
   */
  async convertToComplaint(
    enquiryId: string,
    reason: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    return this.changes.change(
      enquiryId,
      principal,
      async (ctx) => {
        const { enquiry } = ctx;
        if (enquiry.convertedToComplaintAt)
          throw new ConflictError('The enquiry has already been turned into a complaint');
        enquiry.convertedToComplaintAt = ctx.now;
        // The complaint is whoever raised the enquiry's: they follow it in complaints as they did here.
        const owner = await this.enquiries.ownerOf(ctx.manager, enquiry.contactId);
        ctx.publish({
          type: enquiryConvertedToComplaintV2,
          subject: enquiry.id,
          data: {
            ...(owner.userId ? { complainantUserId: owner.userId } : {}),
            ...(owner.organisationId ? { complainantOrganisationId: owner.organisationId } : {}),
            enquiryId: enquiry.id,
            contactId: enquiry.contactId,
            complainantType: enquiry.contactKind,
            channel: enquiry.channel,
            ...(enquiry.category ? { category: enquiry.category } : {}),
            caseIds: enquiry.caseId ? [enquiry.caseId] : [],
            receivedAt: enquiry.receivedAt.toISOString(),
            language: enquiry.language,
          },
        });
        await this.enquiries.record(ctx.manager, enquiry.id, {
          kind: 'converted-to-complaint',
          reason,
          actor: ctx.actor,
          at: ctx.now,
        });
        if (enquiry.status !== 'closed') await ctx.move('closed', 'turned into a complaint');
      },
      correlationId,
      now,
    );
  }

  /** An assisted-digital need spotted on the enquiry goes to its case, where officers refer the user for help. */
  async identifyAssistedDigitalNeed(
    enquiryId: string,
    needs: AssistedDigitalNeed[],
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    return this.changes.change(
      enquiryId,
      principal,
      async (ctx) => {
        const { enquiry } = ctx;
        if (!enquiry.caseId)
          throw new ConflictError('The enquiry is not linked to a case, so there is no case to tell');
        if (!isOpen(enquiry.status) && enquiry.status !== 'resolved') throw new ConflictError('The enquiry is closed');
        const unique = [...new Set(needs)];
        ctx.publish({
          type: assistedDigitalNeedIdentifiedV1,
          subject: enquiry.id,
          data: { enquiryId: enquiry.id, caseId: enquiry.caseId, needs: unique },
        });
        await this.enquiries.record(ctx.manager, enquiry.id, {
          kind: 'assisted-digital-need',
          detail: { needs: unique },
          actor: ctx.actor,
          at: ctx.now,
        });
      },
      correlationId,
      now,
    );
  }

  /**
   * Links need a case the platform knows; a citizen or professional may only link a case they can
   * see. One they may not see is not found, exactly like one that does not exist.
   */
  private async checkCaseLink(caseId: string, principal: Principal): Promise<void> {
    const ok = isStaff(principal)
      ? await this.caseAccess.exists(caseId)
      : await this.caseAccess.canSee(principal, caseId);
    if (!ok) throw new NotFoundError('The case');
  }
}
