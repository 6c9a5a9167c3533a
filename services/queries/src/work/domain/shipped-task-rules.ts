import type { TaskRules } from './task-rules';
import TASK_RULES from '../task-rules.json';

/** The task rules this build ships (task-rules.json), typed. */
export const SHIPPED_TASK_RULES = TASK_RULES as TaskRules;
