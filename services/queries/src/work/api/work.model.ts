import { Field, ID, Int } from '@nestjs/graphql';
import { ObjectType } from '../../queries.graphql';
import { USER_ID } from '../../enquiry/api/enquiry.model';
import type { Leave, Officer, WorkingPattern } from '../domain/officer';
import type { Task } from '../domain/task';
import type { WorkFigure } from '../application/work.queries';
import type { TaskChange } from '../application/task-feed';

export const TASK_ID = "The task's id (UUID).";
const TASK_TYPE =
  'What kind of work it is: answer-enquiry, or one of the task rules, e.g. review-document, verify-payment-allocation, approve-refund, decide-help-with-fees, approve-fee-waiver, complaint-stage-response, ombudsman-enquiry, review-enforcement-action, approve-write-off.';
const STATUS = 'unassigned (waiting in its queue), assigned, completed or cancelled.';
const SOURCE =
  'The piece of work it is about, as its service names it: an enquiry, document, allocation, refund, application, fee waiver, complaint, account or write-off id.';

@ObjectType('Task', {
  description:
    "A piece of work for the service centre: made from an event by the task rules, or an open enquiry's, kept in step with the enquiry.",
})
export class TaskModel {
  @Field(() => ID, { description: TASK_ID }) id!: string;
  @Field({ description: TASK_TYPE }) taskType!: string;
  @Field({ description: 'What to do, as officers read it.' }) name!: string;
  @Field({ description: SOURCE }) sourceKey!: string;
  @Field(() => ID, { nullable: true, description: 'The case it is about (UUID), when it is about one.' })
  caseId!: string | null;
  @Field({ description: 'The queue it waits in (its code, e.g. probate or payments).' }) queueId!: string;
  @Field({ description: "The team that works the queue; only that team's officers are given it." }) team!: string;
  @Field({ description: 'caseworker (any officer of the team) or team-leader.' }) requiredRole!: string;
  @Field(() => [String], {
    description: 'Skills an officer needs to be given it, e.g. welsh, probate, money-authority-2.',
  })
  requiredSkills!: string[];
  @Field(() => String, {
    nullable: true,
    description: `Who may not be given it, being the first of the two people it needs: ${USER_ID}.`,
  })
  excludedOfficer!: string | null;
  @Field({ description: STATUS }) status!: string;
  @Field(() => String, { nullable: true, description: `The officer who has it: ${USER_ID}. Null while it waits.` })
  assignedTo!: string | null;
  @Field(() => Int, { description: 'Major priority: lower is taken sooner (5000 by default, 1000 once escalated).' })
  majorPriority!: number;
  @Field(() => Int, { description: 'Minor priority, after major priority and priority date: lower is taken sooner.' })
  minorPriority!: number;
  @Field({ description: 'Priority date: among tasks of the same major priority, the earlier goes first.' })
  priorityDate!: Date;
  @Field({ description: 'When it is due: by default 16:00 London time a number of working days after it was made.' })
  dueAt!: Date;
  @Field({ description: 'The working-day calendar (bank-holiday rules and GOV.UK list) that computed dueAt.' })
  calendarVersion!: string;
  @Field({ description: 'Past its due time, as of the last deadline run.' }) overdue!: boolean;
  @Field({ description: "Due within the service centre's next four working hours, as of the last deadline run." })
  atRisk!: boolean;
  @Field({ description: 'Escalated: waiting for a team leader, ahead of work of the same date.' }) escalated!: boolean;
  @Field({ description: 'When it was made (the time of the event that made it).' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When its officer was given it or took it; null while it waits.' })
  assignedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was completed or cancelled; null while open.' })
  closedAt!: Date | null;

  static from(task: Task): TaskModel {
    return Object.assign(new TaskModel(), task);
  }
}

@ObjectType('TaskChange', {
  description: 'A change to a task, delivered to subscribers, with the task as it now stands.',
})
export class TaskChangeModel {
  @Field({
    description:
      "created, assigned, claimed, reassigned, released, escalated, expedited (a hearing was listed), moved (an enquiry's task took its enquiry's new queue, needs, priority or due time), completed or cancelled.",
  })
  change!: string;
  @Field(() => TaskModel, { description: 'The task after the change.' }) task!: TaskModel;

  static from(change: TaskChange): TaskChangeModel {
    return Object.assign(new TaskChangeModel(), { change: change.change, task: TaskModel.from(change.task) });
  }
}

@ObjectType('WorkingPattern', { description: 'The days an officer works and the hours of those days, London time.' })
export class WorkingPatternModel implements WorkingPattern {
  @Field(() => [String], { description: 'Days of the week: monday to sunday.' }) days!: WorkingPattern['days'];
  @Field({ description: 'Start of their day, HH:MM London time.' }) start!: string;
  @Field({ description: 'End of their day, HH:MM London time (exclusive).' }) end!: string;
}

@ObjectType('OfficerLeave', { description: 'Whole days away, first to last inclusive.' })
export class LeaveModel implements Leave {
  @Field({ description: 'First day away (YYYY-MM-DD).' }) firstDay!: string;
  @Field({ description: 'Last day away (YYYY-MM-DD).' }) lastDay!: string;
}

@ObjectType('Officer', { description: "An officer's work profile: what work they may be given, and when." })
export class OfficerModel {
  @Field({ description: `The officer: ${USER_ID}.` }) userId!: string;
  @Field({ description: 'Their name as colleagues see it.' }) name!: string;
  @Field(() => String, { description: 'caseworker or team-leader.' }) role!: string;
  @Field(() => [String], { description: 'Teams whose queues they work, e.g. probate or contact-centre.' })
  teams!: string[];
  @Field(() => [String], { description: 'Skills, e.g. welsh, probate, money-authority-1.' }) skills!: string[];
  @Field(() => Int, { description: 'Open tasks they may hold at once.' }) capacity!: number;
  @Field(() => WorkingPatternModel, { description: 'When they work.' }) shift!: WorkingPatternModel;
  @Field(() => [LeaveModel], { description: 'Leave booked.' }) leave!: LeaveModel[];
  @Field({ description: 'Whether they are given work at all.' }) active!: boolean;

  static from(officer: Officer): OfficerModel {
    return Object.assign(new OfficerModel(), officer);
  }
}

@ObjectType('WorkFigure', {
  description: 'Open work now and work completed in the period, for one team, officer or task type.',
})
export class WorkFigureModel implements WorkFigure {
  @Field(() => String, { description: 'team, officer or task-type.' }) by!: WorkFigure['by'];
  @Field({ description: 'The team code, the officer (their user id) or the task type.' }) key!: string;
  @Field(() => Int, { description: 'Open tasks now.' }) open!: number;
  @Field(() => Int, { description: 'Of those, overdue.' }) overdue!: number;
  @Field(() => Int, { description: 'Of those, at risk.' }) atRisk!: number;
  @Field(() => Int, { description: 'Tasks completed in the period (throughput).' }) completed!: number;
  @Field(() => Int, { description: 'Of those, completed after they were due.' }) completedLate!: number;
}

@ObjectType('TaskReassignment', { description: "What a bulk reassignment of an officer's open tasks did." })
export class ReassignmentModel {
  @Field(() => Int, { description: 'Tasks given to another officer.' }) reassigned!: number;
  @Field(() => Int, { description: 'Tasks nobody named could take now, put back in their queues.' })
  returnedToQueue!: number;
}

@ObjectType('TaskDeadlineRun', { description: 'What a run of the task deadline flags changed.' })
export class TaskDeadlineRunModel {
  @Field(() => Int, { description: 'Tasks newly flagged overdue.' }) overdue!: number;
  @Field(() => Int, { description: 'Tasks newly flagged at risk.' }) atRisk!: number;
  @Field({ description: 'When the run happened.' }) ranAt!: Date;
}
