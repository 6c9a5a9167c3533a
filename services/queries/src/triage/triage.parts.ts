import type { Provider } from '@nestjs/common';
import { TriageResolver } from './api/triage.resolver';
import { TriageCommands } from './application/triage.commands';
import { Triage1733100200000 } from './infrastructure/1733100200000-triage';
import { TriageRepository } from './infrastructure/triage.repository';

export const triageResolvers: Provider[] = [TriageResolver];
export const triageProviders: Provider[] = [TriageRepository, TriageCommands];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const triageMigrations: Function[] = [Triage1733100200000];
