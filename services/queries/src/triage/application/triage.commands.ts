import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import { UnitOfWork } from '@ccsc/messaging';
import { BadUserInputError, ConflictError, NotFoundError, type FieldError } from '@ccsc/platform';
import { taskPriority, type EnquiryPriority, type EnquiryRecord } from '../../enquiry/domain/enquiry';
import { EnquiryChanges } from '../../enquiry/application/enquiry-changes';
import { EnquiryRepository } from '../../enquiry/infrastructure/enquiry.repository';
import { DEFAULT_QUEUE, type TriageRule } from '../domain/triage-rule';
import { TriageRepository } from '../infrastructure/triage.repository';

export interface TriageOverride {
  queueId: string;
  priority: EnquiryPriority;
  articleIds: string[];
  reason?: string;
}

export type TriageRuleInput = Omit<TriageRule, 'id'> & { id?: string };

@Injectable()
export class TriageCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly enquiries: EnquiryRepository,
    private readonly triage: TriageRepository,
    private readonly changes: EnquiryChanges,
  ) {}

  /**
   * An officer's triage decision: confirms or overrides the rules' suggestion. Any difference from
   * the suggestion is an override and needs a reason; the decision is recorded either way.
   */
  async decide(
    enquiryId: string,
    decision: TriageOverride,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<EnquiryRecord> {
    return this.changes.change(
      enquiryId,
      principal,
      async (ctx) => {
        const { enquiry, manager } = ctx;
        if (!['new', 'triaged', 'escalated'].includes(enquiry.status))
          throw new ConflictError('Only enquiries waiting in a queue can be triaged');
        const problems: FieldError[] = [];
        if (!(await this.enquiries.queueExists(manager, decision.queueId)))
          problems.push({ field: 'queueId', message: 'is not a queue' });
        const unknown = await this.triage.unknownArticles(manager, decision.articleIds);
        if (unknown.length) problems.push({ field: 'articleIds', message: `${unknown.join(', ')} is not an article` });
        const suggestion = (await this.triage.latestSuggestion(manager, enquiry.id)) ?? {
          ruleId: null,
          queueId: DEFAULT_QUEUE,
          priority: enquiry.priority,
          articleIds: [],
        };
        const overridden =
          suggestion.queueId !== decision.queueId ||
          suggestion.priority !== decision.priority ||
          !sameSet(suggestion.articleIds, decision.articleIds);
        const reason = decision.reason?.trim();
        if (overridden && !reason)
          problems.push({ field: 'reason', message: 'is required when overriding the suggested triage' });
        if (problems.length) throw new BadUserInputError('The triage decision cannot be recorded as given', problems);

        enquiry.queueId = decision.queueId;
        enquiry.priority = decision.priority;
        enquiry.majorPriority = taskPriority(decision.priority, enquiry.hearingRelated, enquiry.priorityDate).major;
        await this.triage.signpost(manager, enquiry.id, decision.articleIds, ctx.actor, ctx.now);
        await this.triage.recordDecision(manager, enquiry.id, suggestion, {
          queueId: decision.queueId,
          priority: decision.priority,
          articleIds: decision.articleIds,
          overridden,
          reason: reason ?? null,
          actor: ctx.actor,
          at: ctx.now,
        });
        if (enquiry.status !== 'triaged') await ctx.move('triaged', reason, { queueId: decision.queueId });
        else
          await this.enquiries.record(manager, enquiry.id, {
            kind: 'triaged',
            detail: { queueId: decision.queueId, priority: decision.priority, overridden },
            reason: reason ?? null,
            actor: ctx.actor,
            at: ctx.now,
          });
      },
      correlationId,
      now,
    );
  }

  /** Team leaders keep the rules: a new rule, or a change to one (including switching it off). */
  async saveRule(input: TriageRuleInput, principal: Principal, now = new Date()): Promise<TriageRule> {
    return this.unitOfWork.run(
      { actor: principal.sub },
      async ({ manager }) => {
        const problems: FieldError[] = [];
        if (!(await this.enquiries.queueExists(manager, input.queueId)))
          problems.push({ field: 'queueId', message: 'is not a queue' });
        const unknown = await this.triage.unknownArticles(manager, input.articleIds);
        if (unknown.length) problems.push({ field: 'articleIds', message: `${unknown.join(', ')} is not an article` });
        const keywords = [...new Set(input.keywords.map((k) => k.trim().toLocaleLowerCase('en-GB')).filter(Boolean))];
        if (input.category === null && keywords.length === 0)
          problems.push({ field: 'keywords', message: 'a rule with no category needs at least one keyword' });
        if (input.id && !(await this.triage.ruleExists(manager, input.id))) throw new NotFoundError('The triage rule');
        if (problems.length) throw new BadUserInputError('The triage rule cannot be saved as given', problems);
        const rule: TriageRule = { ...input, id: input.id ?? randomUUID(), keywords };
        await this.triage.saveRule(manager, rule, principal.sub, now);
        return rule;
      },
      now,
    );
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
