import { Module } from '@nestjs/common';
import { OpeningHours, WorkingDayCalendar } from '@ccsc/calendar';
import { scheduledRun } from '@ccsc/platform';
import type { QueriesConfig } from '../config';
import { WorkResolver } from './api/work.resolver';
import { EnquiryTasks } from './application/enquiry-tasks';
import { TaskChanges } from './application/task-changes';
import { TaskDeadlineRun } from './application/task-deadline-run';
import { TaskEvents } from './application/task-events';
import { TaskFeed } from './application/task-feed';
import { TaskRuleBook } from './application/task-rule-book';
import { TaskSources } from './application/task-sources';
import { WorkCommands } from './application/work.commands';
import { WorkQueries } from './application/work.queries';
import { TaskEventsConsumer } from './consumers/task-events.consumer';
import { OfficerRepository } from './infrastructure/officer.repository';
import { TaskRepository } from './infrastructure/task.repository';

/**
 * One work queue for the whole service centre: tasks made from every service's events by the task
 * rules (task-rules.json), officers' profiles, allocation by team, skills, role, shift and capacity,
 * the deadline run on a timer, and the changes live to subscribers.
 */
@Module({
  providers: [
    WorkResolver,
    // One calendar for the process: it caches each year's bank holidays.
    { provide: OpeningHours, useValue: new OpeningHours(WorkingDayCalendar.englandAndWales()) },
    TaskRuleBook,
    TaskRepository,
    OfficerRepository,
    TaskChanges,
    TaskSources,
    EnquiryTasks,
    TaskEvents,
    TaskEventsConsumer,
    WorkCommands,
    WorkQueries,
    TaskFeed,
    TaskDeadlineRun,
    scheduledRun('task deadline run', TaskDeadlineRun, (config: QueriesConfig) => config.SLA_RUN_INTERVAL_MS),
  ],
  exports: [OfficerRepository, EnquiryTasks, TaskSources],
})
export class WorkModule {}
