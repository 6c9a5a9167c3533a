import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { addDays, londonInstant } from '@ccsc/calendar';
import { assertUuid, BadUserInputError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from '@ccsc/platform';
import { ALLOCATORS, TEAM_LEADERS, WORKERS } from '../../roles';
import { checkedQueue } from '../../allocation/api/allocation.inputs';
import { QUEUE_CODE } from '../../allocation/api/allocation.model';
import { checkPeriod } from '../../reporting/domain/enquiry-figures';
import { TASK_STATUSES, type TaskStatus } from '../domain/task';
import { WorkCommands } from '../application/work.commands';
import { WorkQueries } from '../application/work.queries';
import { TaskFeed, type TaskChange } from '../application/task-feed';
import { TaskDeadlineRun } from '../application/task-deadline-run';
import { AssignTaskInput, ReassignOfficerTasksInput, SaveOfficerInput, TaskReasonInput } from './work.inputs';
import {
  OfficerModel,
  ReassignmentModel,
  TASK_ID,
  TaskChangeModel,
  TaskDeadlineRunModel,
  TaskModel,
  WorkFigureModel,
} from './work.model';

const FIRST = {
  type: () => Int,
  nullable: true,
  defaultValue: DEFAULT_PAGE_SIZE,
  description: `At most ${MAX_PAGE_SIZE}.`,
};

/**
 * The service centre's one work queue, over GraphQL for the officers' frontends: tasks from every
 * service's events, the officers who take them, and their changes live.
 */
@Resolver()
export class WorkResolver {
  constructor(
    private readonly commands: WorkCommands,
    private readonly queries: WorkQueries,
    private readonly feed: TaskFeed,
    private readonly deadlines: TaskDeadlineRun,
  ) {}

  @Query(() => [TaskModel], { description: 'Open tasks (or those of a status) in next-task order, narrowed as asked.' })
  @Roles(...WORKERS)
  async tasks(
    @Args('queueId', { type: () => String, nullable: true, description: `Only this queue. ${QUEUE_CODE}` })
    queueId: string | undefined,
    @Args('status', {
      type: () => String,
      nullable: true,
      description: 'Only this status: unassigned, assigned, completed or cancelled.',
    })
    status: string | undefined,
    @Args('assignedTo', { type: () => String, nullable: true, description: "Only this officer's (their user id)." })
    assignedTo: string | undefined,
    @Args('caseId', { type: () => ID, nullable: true, description: 'Only tasks about this case (UUID).' })
    caseId: string | undefined,
    @Args('sourceKey', {
      type: () => String,
      nullable: true,
      description: 'Only the tasks of this piece of work: an enquiry, document, refund, complaint... id.',
    })
    sourceKey: string | undefined,
    @Args('first', FIRST) first: number | undefined,
  ) {
    if (status != null && !TASK_STATUSES.includes(status as TaskStatus))
      throw new BadUserInputError('Invalid status', [
        { field: 'status', message: `must be one of ${TASK_STATUSES.join(', ')}` },
      ]);
    if (assignedTo != null && (assignedTo.length < 1 || assignedTo.length > 255))
      throw new BadUserInputError('Invalid officer', [{ field: 'assignedTo', message: 'must be a user id' }]);
    if (sourceKey != null && (sourceKey.length < 1 || sourceKey.length > 200))
      throw new BadUserInputError('Invalid piece of work', [
        { field: 'sourceKey', message: 'must be an id of 1 to 200 characters' },
      ]);
    const tasks = await this.queries.list(
      {
        queueId: queueId == null ? undefined : checkedQueue(queueId),
        status: (status ?? undefined) as TaskStatus | undefined,
        assignedTo: assignedTo ?? undefined,
        caseId: caseId == null ? undefined : assertUuid(caseId, 'caseId'),
        sourceKey: sourceKey ?? undefined,
      },
      pageSize(first),
    );
    return tasks.map(TaskModel.from);
  }

  @Query(() => [TaskModel], { description: 'The open tasks you have, in next-task order.' })
  @Roles(...WORKERS)
  async myTasks(@CurrentPrincipal() principal: Principal, @Args('first', FIRST) first: number | undefined) {
    return (await this.queries.list({ assignedTo: principal.sub, status: 'assigned' }, pageSize(first))).map(
      TaskModel.from,
    );
  }

  @Query(() => TaskModel, { description: 'One task.' })
  @Roles(...WORKERS)
  async task(@Args('id', { type: () => ID, description: TASK_ID }) id: string) {
    return TaskModel.from(await this.queries.task(assertUuid(id, 'id')));
  }

  @Query(() => [OfficerModel], { description: "Officers' work profiles, of one team or all." })
  @Roles(...WORKERS)
  async officers(
    @Args('team', { type: () => String, nullable: true, description: 'Only this team (its code).' })
    team: string | undefined,
  ) {
    return (await this.queries.officersOf(team == null ? undefined : checkedQueue(team, 'team'))).map(
      OfficerModel.from,
    );
  }

  @Query(() => [WorkFigureModel], {
    description: 'Workload now, and throughput over a period of London days, per team, per officer and per task type.',
  })
  @Roles(...ALLOCATORS)
  workFigures(
    @Args('from', { description: 'First London day, YYYY-MM-DD.' }) from: string,
    @Args('to', { description: 'Last London day, YYYY-MM-DD.' }) to: string,
  ) {
    checkPeriod(from, to);
    return this.queries.figures(londonInstant(from), londonInstant(addDays(to, 1)));
  }

  @Mutation(() => TaskModel, {
    nullable: true,
    description:
      'Takes the highest-priority task you may do (your teams, skills and role; never the second step of your own first); null when none waits.',
  })
  @Roles(...WORKERS)
  async takeNextTask(@CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const task = await this.commands.takeNext(principal, correlationId);
    return task && TaskModel.from(task);
  }

  @Mutation(() => TaskModel, { description: 'Takes a waiting task you may do.' })
  @Roles(...WORKERS)
  async claimTask(
    @Args('taskId', { type: () => ID, description: TASK_ID }) taskId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return TaskModel.from(await this.commands.claim(assertUuid(taskId, 'taskId'), principal, correlationId));
  }

  @Mutation(() => TaskModel, { description: 'Puts a task back in its queue (its officer, or a team leader).' })
  @Roles(...WORKERS)
  async releaseTask(
    @Args('input', { description: 'The task and why.' }) input: TaskReasonInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return TaskModel.from(await this.commands.release(input.taskId, principal, input.reason, correlationId));
  }

  @Mutation(() => TaskModel, { description: 'Escalates a task to the team leaders, with a reason.' })
  @Roles(...WORKERS)
  async escalateTask(
    @Args('input', { description: 'The task and why (required).' }) input: TaskReasonInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return TaskModel.from(await this.commands.escalate(input.taskId, input.reason ?? '', principal, correlationId));
  }

  @Mutation(() => TaskModel, { description: 'A team leader gives a task to an officer who may do it, or moves it.' })
  @Roles(...ALLOCATORS)
  async assignTask(
    @Args('input', { description: 'The task, the officer and why.' }) input: AssignTaskInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return TaskModel.from(
      await this.commands.assign(input.taskId, input.officer, principal, input.reason, correlationId),
    );
  }

  @Mutation(() => ReassignmentModel, {
    description:
      "A team leader moves all of an officer's open tasks to officers who may do them and have room; the rest go back to their queues.",
  })
  @Roles(...ALLOCATORS)
  reassignOfficerTasks(
    @Args('input', { description: 'Whose tasks, to whom, and why.' }) input: ReassignOfficerTasksInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.reassignAll(input.fromOfficer, input.toOfficers, principal, input.reason, correlationId);
  }

  @Mutation(() => OfficerModel, { description: "A team leader creates or replaces an officer's work profile." })
  @Roles(...ALLOCATORS)
  async saveOfficer(
    @Args('input', { description: 'The whole profile.' }) input: SaveOfficerInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    return OfficerModel.from(await this.commands.saveOfficer({ ...input, leave: [...input.leave] }, principal));
  }

  @Mutation(() => Boolean, {
    description:
      "A team leader sets whether a queue's new tasks go straight to the least-loaded officer who may do them.",
  })
  @Roles(...ALLOCATORS)
  async setQueueAutoAssign(
    @Args('queueId', { description: QUEUE_CODE }) queueId: string,
    @Args('autoAssign', { description: 'true to auto-assign, false to leave new tasks waiting.' }) autoAssign: boolean,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.commands.setAutoAssign(checkedQueue(queueId), autoAssign, principal);
    return autoAssign;
  }

  @Mutation(() => TaskDeadlineRunModel, {
    description: 'Flags open tasks overdue or at risk now (the same run happens on a timer).',
  })
  @Roles(...TEAM_LEADERS)
  runTaskDeadlines() {
    return this.deadlines.run();
  }

  @Subscription(() => TaskChangeModel, {
    description: 'Each change to a task you have, are given, or no longer have, from now on.',
    resolve: (change: TaskChange) => TaskChangeModel.from(change),
  })
  @Roles(...WORKERS)
  myTasksChanged(@CurrentPrincipal() principal: Principal) {
    return this.feed.mine(principal);
  }

  @Subscription(() => TaskChangeModel, {
    description: "Each change to a queue's tasks from now on: new, taken, handed back, completed, cancelled.",
    resolve: (change: TaskChange) => TaskChangeModel.from(change),
  })
  @Roles(...WORKERS)
  queueChanged(@Args('queueId', { description: QUEUE_CODE }) queueId: string) {
    return this.feed.queue(checkedQueue(queueId));
  }
}
