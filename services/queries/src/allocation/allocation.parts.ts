import type { Provider } from '@nestjs/common';
import { AllocationResolver } from './api/allocation.resolver';
import { AllocationCommands } from './application/allocation.commands';

// Work allocation: queues, claim, assign, next task, workload, escalation (its data lives in the enquiries tables).

export const allocationResolvers: Provider[] = [AllocationResolver];
export const allocationProviders: Provider[] = [AllocationCommands];
