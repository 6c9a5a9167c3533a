import { Injectable } from '@nestjs/common';
import { hasRole, type Principal } from '@ccsc/auth';
import { UnitOfWork, type Transaction } from '@ccsc/messaging';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, query, sql } from '@ccsc/platform';
import { shareOut } from '../domain/allocation';
import {
  assertMayBeGiven,
  ineligibility,
  normaliseSkills,
  profileProblems,
  unavailability,
  type Officer,
} from '../domain/officer';
import { isSkill } from '../domain/skills';
import { ESCALATED_MAJOR_PRIORITY, OPEN_TASK_STATUSES, type Task } from '../domain/task';
import { OfficerRepository } from '../infrastructure/officer.repository';
import { TaskRepository } from '../infrastructure/task.repository';
import { TaskChanges } from './task-changes';
import { queueIds } from './task-rule-book';
import { TaskSources } from './task-sources';

/** How many tasks "next task" passes over because their records are being changed, before it answers none. */
const NEXT_TRIES = 8;

export interface ReassignResult {
  reassigned: number;
  returnedToQueue: number;
}

/**
 * The work queue's commands. Officers take the next task they may do, or a task by id, and hand back
 * their own; team leaders give, move and bulk-move work and keep officers' profiles. Nothing goes to
 * an officer who is not in its team, lacks a skill or role it needs, is the first of the two people
 * it needs, is off shift or on leave, or is at capacity (domain/officer.ts, refusal).
 */
@Injectable()
export class WorkCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tasks: TaskRepository,
    private readonly officers: OfficerRepository,
    private readonly changes: TaskChanges,
    private readonly sources: TaskSources,
  ) {}

  /** The highest-priority task the caller may do, now theirs; null when none waits that they may take. */
  takeNext(principal: Principal, correlationId?: string, now = new Date()): Promise<Task | null> {
    return this.run(principal, correlationId, now, async (tx) => {
      const me = await this.caller(tx, principal);
      const open = await this.openOf(tx, me.userId);
      // Nothing can go to them, whatever waits: say why rather than "nothing for you".
      const why = unavailability(me, open, tx.now);
      if (why) throw new ConflictError(`You are ${why}`);
      const officer = { userId: me.userId, teams: me.teams, skills: me.skills, teamLeader: me.role === 'team-leader' };
      // A task whose record another transaction is changing (an enquiry being answered) is passed over,
      // never waited for: its record is locked before its task everywhere else.
      const passOver: string[] = [];
      for (let tries = 0; tries < NEXT_TRIES; tries++) {
        const next = await this.tasks.lockNext(tx.manager, officer, passOver);
        if (!next) return null;
        const source = this.sources.of(next.taskType);
        if (source) {
          const free = await source.lock(tx, next.sourceKey, true);
          if (free) await source.refresh(tx, next.sourceKey);
          // Still waiting, and still for them, now that it is in step with its record?
          const task = free ? await this.tasks.get(tx.manager, next.id) : undefined;
          if (!task || task.status !== 'unassigned' || ineligibility(me, task)) {
            passOver.push(next.id);
            continue;
          }
        }
        await this.give(tx, await this.tasks.current(tx.manager, next.id), me.userId, 'claimed', principal);
        return await this.tasks.current(tx.manager, next.id);
      }
      return null;
    });
  }

  /** The caller takes a waiting task they may do. */
  claim(taskId: string, principal: Principal, correlationId?: string, now = new Date()): Promise<Task> {
    return this.change(taskId, principal, correlationId, now, async (tx, task) => {
      if (task.status === 'assigned')
        throw new ConflictError(
          task.assignedTo === principal.sub ? 'You already have this task' : 'Someone else has this task',
        );
      const me = await this.caller(tx, principal);
      assertMayBeGiven(me, task, await this.openOf(tx, me.userId), tx.now, 'You are');
      await this.give(tx, task, me.userId, 'claimed', principal);
    });
  }

  /** A team leader gives a task to an officer, or moves it from one officer to another. */
  assign(
    taskId: string,
    officer: string,
    principal: Principal,
    reason?: string,
    correlationId?: string,
    now = new Date(),
  ): Promise<Task> {
    requireTeamLeader(principal, 'assign work');
    return this.change(taskId, principal, correlationId, now, async (tx, task) => {
      if (task.assignedTo === officer) throw new ConflictError('The task is already with that officer');
      await this.officers.lock(tx.manager, [officer]);
      const profile = await this.officers.get(tx.manager, officer);
      if (!profile) throw new NotFoundError('The officer');
      assertMayBeGiven(profile, task, await this.openOf(tx, officer), tx.now, `${officer} is`);
      await this.give(tx, task, officer, task.assignedTo ? 'reassigned' : 'assigned', principal, reason);
    });
  }

  /** Back to its queue: by the officer who has it, or by a team leader. */
  release(
    taskId: string,
    principal: Principal,
    reason?: string,
    correlationId?: string,
    now = new Date(),
  ): Promise<Task> {
    return this.change(taskId, principal, correlationId, now, async (tx, task) => {
      if (task.status !== 'assigned') throw new ConflictError('The task is not assigned');
      if (task.assignedTo !== principal.sub) requireTeamLeader(principal, "hand back someone else's task");
      await this.handBack(tx, task, principal, reason);
    });
  }

  /**
   * Escalation as for enquiries: the task goes back to its queue for a team leader only, ahead of work
   * of the same date; the reason is required.
   */
  escalate(
    taskId: string,
    reason: string,
    principal: Principal,
    correlationId?: string,
    now = new Date(),
  ): Promise<Task> {
    if (!reason.trim())
      throw new BadUserInputError('An escalation needs a reason', [{ field: 'reason', message: 'must not be blank' }]);
    return this.change(taskId, principal, correlationId, now, async (tx, task) => {
      if (task.assignedTo !== principal.sub && !hasRole(principal, 'team-leader'))
        throw new ForbiddenError('Only the officer who has the task, or a team leader, can escalate it');
      if (task.escalated) throw new ConflictError('The task is already escalated');
      const source = this.sources.of(task.taskType);
      if (source) return source.escalate(tx, task.sourceKey, principal, reason);
      await this.tasks.escalate(tx.manager, task.id, ESCALATED_MAJOR_PRIORITY);
      await this.changes.noted(
        tx,
        { ...task, status: 'unassigned', assignedTo: null },
        'escalated',
        task.assignedTo,
        null,
        reason,
      );
    });
  }

  /**
   * A team leader moves all of an officer's open tasks (they go on leave, say): highest priority first,
   * each to the least-loaded of `to` (or, when `to` is empty, of the officers of the task's team) who
   * may take it now and has room; what nobody may take goes back to its queue.
   */
  reassignAll(
    from: string,
    to: readonly string[],
    principal: Principal,
    reason?: string,
    correlationId?: string,
    now = new Date(),
  ): Promise<ReassignResult> {
    requireTeamLeader(principal, 'reassign work');
    if (to.includes(from))
      throw new BadUserInputError('Cannot reassign an officer’s work to themselves', [
        { field: 'toOfficers', message: 'must not include the officer whose work moves' },
      ]);
    return this.run(principal, correlationId, now, async (tx) => {
      // Named receivers are checked first, whether or not the officer holds anything.
      const named = to.length > 0 ? await this.profiles(tx, to) : undefined;
      const seen = await this.tasks.heldBy(tx.manager, from, 'none');
      if (seen.length === 0) return { reassigned: 0, returnedToQueue: 0 };
      // Locks in the order every other change takes them: records (an enquiry) before tasks, tasks
      // before officers (one sorted lock, so two moves never deadlock).
      const lockedRecords = new Set<string>();
      for (const task of [...seen].sort((a, b) => a.sourceKey.localeCompare(b.sourceKey))) {
        const source = this.sources.of(task.taskType);
        if (source && (await source.lock(tx, task.sourceKey))) lockedRecords.add(task.sourceKey);
      }
      const mayMove = (t: Task) => !this.sources.of(t.taskType) || lockedRecords.has(t.sourceKey);
      const held = (await this.tasks.heldBy(tx.manager, from, 'wait')).filter(mayMove);
      const receivers =
        named ??
        (await this.officers.list(tx.manager)).filter(
          (o) => o.userId !== from && o.teams.some((t) => held.some((h) => h.team === t)),
        );
      await this.officers.lock(tx.manager, [from, ...receivers.map((r) => r.userId)]);
      // Work given to them before the officer lock, after the tasks were locked, moves as well, but is
      // taken without waiting: waiting for a task now, with officers held, could wait in a ring with a
      // change that holds the task and waits for one of them. One being changed right now stays.
      const moving = [...held];
      for (const task of await this.tasks.heldBy(tx.manager, from, 'skip-locked')) {
        if (held.some((h) => h.id === task.id)) continue;
        const source = this.sources.of(task.taskType);
        if (!source || (await source.lock(tx, task.sourceKey, true))) moving.push(task);
      }
      const open = await this.tasks.openCounts(
        tx.manager,
        receivers.map((r) => r.userId),
      );
      const { placed, unplaced } = shareOut(
        moving,
        receivers.map((officer) => ({ officer, open: open.get(officer.userId) ?? 0 })),
        tx.now,
      );
      for (const { task, officer } of placed) await this.give(tx, task, officer, 'reassigned', principal, reason);
      for (const task of unplaced) await this.handBack(tx, task, principal, reason ?? 'nobody available could take it');
      return { reassigned: placed.length, returnedToQueue: unplaced.length };
    });
  }

  /** A team leader creates or replaces an officer's work profile. */
  async saveOfficer(officer: Officer, principal: Principal, now = new Date()): Promise<Officer> {
    requireTeamLeader(principal, "keep officers' profiles");
    const problems = profileProblems(officer);
    if (problems.length > 0) throw new BadUserInputError('Invalid work profile', problems);
    const unknown = officer.skills.filter((s) => !isSkill(s));
    if (unknown.length > 0)
      throw new BadUserInputError('Unknown skills', [{ field: 'skills', message: `unknown: ${unknown.join(', ')}` }]);
    const saved = { ...officer, skills: normaliseSkills(officer.skills) };
    return this.run(principal, undefined, now, async (tx) => {
      const teams = new Set(
        (await query<{ team: string }>(tx.manager, sql`SELECT DISTINCT team FROM work_queues`)).map((q) => q.team),
      );
      const strange = saved.teams.filter((t) => !teams.has(t));
      if (strange.length > 0)
        throw new BadUserInputError('Unknown teams', [{ field: 'teams', message: `unknown: ${strange.join(', ')}` }]);
      await this.officers.save(tx.manager, saved, principal.sub, tx.now);
      return saved;
    });
  }

  /** A team leader sets whether a queue's new tasks go straight to the least-loaded officer who may take them. */
  setAutoAssign(queueId: string, autoAssign: boolean, principal: Principal): Promise<void> {
    requireTeamLeader(principal, 'configure queues');
    return this.run(principal, undefined, new Date(), async (tx) => {
      if (!(await queueIds(tx.manager)).has(queueId)) throw new NotFoundError('The queue');
      await query(tx.manager, sql`UPDATE work_queues SET auto_assign = ${autoAssign} WHERE id = ${queueId}`);
    });
  }

  private run<R>(
    principal: Principal,
    correlationId: string | undefined,
    now: Date,
    work: (tx: Transaction) => Promise<R>,
  ) {
    return this.unitOfWork.run({ correlationId, actor: principal.sub }, work, now);
  }

  /** Locks an open task, applies the change, and answers the task as it now stands. */
  private change(
    taskId: string,
    principal: Principal,
    correlationId: string | undefined,
    now: Date,
    work: (tx: Transaction, task: Task) => Promise<void>,
  ): Promise<Task> {
    return this.run(principal, correlationId, now, async (tx) => {
      const found = await this.tasks.get(tx.manager, taskId);
      if (!found) throw new NotFoundError('The task');
      await this.sources.of(found.taskType)?.lock(tx, found.sourceKey);
      const task = await this.tasks.get(tx.manager, taskId, true);
      if (!task) throw new NotFoundError('The task');
      if (!OPEN_TASK_STATUSES.includes(task.status)) throw new ConflictError(`The task is ${task.status}`);
      await work(tx, task);
      return await this.tasks.current(tx.manager, taskId);
    });
  }

  /**
   * The task goes to the officer: through its record's own commands when it has one (an enquiry, whose
   * task follows it), else directly.
   */
  private async give(
    tx: Transaction,
    task: Task,
    officer: string,
    kind: 'assigned' | 'claimed' | 'reassigned',
    principal: Principal,
    reason?: string,
  ): Promise<void> {
    const source = this.sources.of(task.taskType);
    if (!source) await this.changes.assign(tx, task, officer, kind, reason);
    else if (kind === 'claimed') await source.claim(tx, task.sourceKey, principal);
    else await source.assign(tx, task.sourceKey, officer, principal, reason);
  }

  /** The task goes back to its queue, through its record's own commands when it has one. */
  private async handBack(tx: Transaction, task: Task, principal: Principal, reason?: string): Promise<void> {
    const source = this.sources.of(task.taskType);
    if (source) await source.release(tx, task.sourceKey, principal, reason);
    else await this.changes.release(tx, task, reason);
  }

  /**
   * The caller's profile. Team-leader work goes to a team leader by profile, as assignment and
   * auto-assignment decide it, and the caller must still hold the role in their token: a leader whose
   * role was taken away, or a caseworker whose profile says team leader, is a caseworker here.
   */
  private async caller(tx: Transaction, principal: Principal): Promise<Officer> {
    await this.officers.lock(tx.manager, [principal.sub]);
    const me = await this.officers.get(tx.manager, principal.sub);
    // Staff by role, but work goes by profile: until a team leader adds one, there is nothing to give them.
    if (!me)
      throw new ConflictError(
        'You have no work profile yet: a team leader gives each officer their teams, skills and hours',
      );
    return {
      ...me,
      role: me.role === 'team-leader' && hasRole(principal, 'team-leader') ? 'team-leader' : 'caseworker',
    };
  }

  private async profiles(tx: Transaction, ids: readonly string[]): Promise<Officer[]> {
    const found = (await this.officers.list(tx.manager)).filter((o) => ids.includes(o.userId));
    const missing = ids.filter((id) => !found.some((o) => o.userId === id));
    if (missing.length > 0)
      throw new BadUserInputError('Unknown officers', [
        { field: 'toOfficers', message: `no profile: ${missing.join(', ')}` },
      ]);
    return found;
  }

  private async openOf(tx: Transaction, officer: string): Promise<number> {
    return (await this.tasks.openCounts(tx.manager, [officer])).get(officer) ?? 0;
  }
}

function requireTeamLeader(principal: Principal, what: string): void {
  if (!hasRole(principal, 'team-leader')) throw new ForbiddenError(`Only a team leader can ${what}`);
}
