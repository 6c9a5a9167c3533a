import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '@ccsc/auth';
import type { Transaction } from '@ccsc/messaging';
import { EnquiryChanges } from '../../enquiry/application/enquiry-changes';
import { EnquiryRepository } from '../../enquiry/infrastructure/enquiry.repository';
import { EnquiryTasks } from '../../work/application/enquiry-tasks';
import { TaskSources, type TaskSource } from '../../work/application/task-sources';
import { ENQUIRY_TASK_TYPE } from '../../work/domain/enquiry-task';
import { AllocationCommands } from './allocation.commands';

/**
 * The work queue's commands on an enquiry's task, done to the enquiry: claimed, given, handed back or
 * escalated by the enquiry's own rules and history, and its task follows (EnquiryTasks).
 */
@Injectable()
export class EnquiryTaskSource implements TaskSource, OnModuleInit {
  constructor(
    private readonly sources: TaskSources,
    private readonly enquiries: EnquiryRepository,
    private readonly changes: EnquiryChanges,
    private readonly allocation: AllocationCommands,
    private readonly tasks: EnquiryTasks,
  ) {}

  onModuleInit(): void {
    this.sources.register(ENQUIRY_TASK_TYPE, this);
  }

  lock(tx: Transaction, key: string, skipLocked = false): Promise<boolean> {
    return this.enquiries.lock(tx.manager, key, skipLocked);
  }

  async refresh(tx: Transaction, key: string): Promise<void> {
    const enquiry = await this.enquiries.find(tx.manager, key, { kind: 'all' });
    if (enquiry) await this.tasks.settle(tx, enquiry);
  }

  async claim(tx: Transaction, key: string, principal: Principal): Promise<void> {
    await this.changes.changeIn(tx, key, principal, (ctx) => this.allocation.claimIn(ctx, principal));
  }

  async assign(tx: Transaction, key: string, officer: string, principal: Principal, reason?: string): Promise<void> {
    await this.changes.changeIn(tx, key, principal, (ctx) => this.allocation.assignIn(ctx, officer, reason));
  }

  async release(tx: Transaction, key: string, principal: Principal, reason?: string): Promise<void> {
    await this.changes.changeIn(tx, key, principal, (ctx) => this.allocation.unassignIn(ctx, principal, reason));
  }

  async escalate(tx: Transaction, key: string, principal: Principal, reason: string): Promise<void> {
    await this.changes.changeIn(tx, key, principal, (ctx) => this.allocation.escalateIn(ctx, 'team-leader', reason));
  }
}
