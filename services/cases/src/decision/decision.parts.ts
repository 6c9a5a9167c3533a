import { DecisionController, DecisionResolver } from './api/decision.api';
import { DecisionCommands } from './application/decision.commands';
import { CaseDecisions1732770000000 } from './infrastructure/1732770000000-case-decisions';

// What decisions add to the cases service (wired in cases.module.ts and data-source.ts).
export const decisionResolvers = [DecisionResolver];
export const decisionProviders = [DecisionCommands];
export const decisionControllers = [DecisionController];
export const decisionMigrations = [CaseDecisions1732770000000];
