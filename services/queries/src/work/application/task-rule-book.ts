import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { query, sql } from '@ccsc/platform';
import { checkTaskRules, type TaskRules } from '../domain/task-rules';
import { SHIPPED_TASK_RULES } from '../domain/shipped-task-rules';
import { olderVersionsOf } from '../domain/older-events';

/**
 * The task rules this process runs on, checked at start-up against the queues in its database (and
 * the events, fields and skills this build knows): a rules file that names anything unknown stops the
 * service from starting, with every problem named.
 */
@Injectable()
export class TaskRuleBook implements OnModuleInit {
  readonly rules: TaskRules = SHIPPED_TASK_RULES;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const problems = checkTaskRules(this.rules, await queueIds(this.dataSource.manager));
    if (problems.length > 0) throw new Error(`task-rules.json cannot be used:\n- ${problems.join('\n- ')}`);
  }

  /** Every event type the rules act on, and the older versions of those still read as them (domain/older-events.ts). */
  eventTypes(): string[] {
    const named = this.namedEventTypes();
    return [...named, ...olderVersionsOf(named)];
  }

  private namedEventTypes(): string[] {
    const { rules, caseEvents } = this.rules;
    return [
      ...new Set([
        ...rules.flatMap((r) => [
          r.create.on,
          ...(r.complete ?? []).map((m) => m.on),
          ...(r.cancel ?? []).map((m) => m.on),
        ]),
        ...caseEvents.cancel.map((c) => c.on),
        ...caseEvents.expedite.map((e) => e.on),
      ]),
    ];
  }
}

/** The queues that exist. */
export async function queueIds(manager: EntityManager): Promise<Set<string>> {
  return new Set((await query<{ id: string }>(manager, sql`SELECT id FROM work_queues`)).map((q) => q.id));
}
