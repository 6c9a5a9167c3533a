import type { Frequency } from '../../terms/domain/payment-terms';
import { ACTIONS, ActionId, FIRST_ACTIONS } from '../../action/domain/enforcement-actions';

export interface EnforcementPath {
  id: string;
  /** Missed instalments, counted in the account's own frequency, that make an account in default. */
  missedToDefault: Record<Frequency, number>;
  /** Days after the pay-by date that make a pay-in-full account in default. */
  daysOverdueToDefault: number;
  /**
   * The actions the default run takes in order, each `gapDays` after the previous one. The 50%
   * increase of a registered fixed penalty is an officer's decision, so no path takes it.
   */
  steps: readonly { action: ActionId; gapDays: number }[];
}

export const ENFORCEMENT_PATHS: readonly EnforcementPath[] = [
  {
    id: 'standard',
    missedToDefault: { weekly: 2, fortnightly: 1, monthly: 1 },
    daysOverdueToDefault: 1,
    steps: [
      { action: 'reminder', gapDays: 0 },
      { action: 'further-steps-notice', gapDays: 14 },
      { action: 'collection-order', gapDays: 14 },
      { action: 'warrant-of-control', gapDays: 28 },
    ],
  },
  {
    id: 'fixed-penalty',
    missedToDefault: { weekly: 1, fortnightly: 1, monthly: 1 },
    daysOverdueToDefault: 1,
    steps: [
      { action: 'registration', gapDays: 0 },
      { action: 'further-steps-notice', gapDays: 14 },
      { action: 'warrant-of-control', gapDays: 28 },
    ],
  },
  {
    id: 'confiscation',
    missedToDefault: { weekly: 4, fortnightly: 2, monthly: 1 },
    daysOverdueToDefault: 1,
    steps: [
      { action: 'reminder', gapDays: 0 },
      { action: 'means-inquiry-summons', gapDays: 14 },
    ],
  },
];

export function enforcementPath(id: string): EnforcementPath {
  const path = ENFORCEMENT_PATHS.find((p) => p.id === id);
  if (!path) throw new Error(`Unknown enforcement path ${id}`);
  return path;
}

/**
 * A path is sound when each step may follow the one before, every step after the first waits at
 * least a day (so a second run on the same day takes nothing new) and thresholds are positive.
 * Checked when the module is built: a bad path stops the service.
 */
export function assertValidPaths(paths: readonly EnforcementPath[]): void {
  const problems: string[] = [];
  for (const path of paths) {
    path.steps.forEach((step, i) => {
      const previous = path.steps[i - 1]?.action ?? null;
      const allowed = previous === null ? FIRST_ACTIONS : ACTIONS[previous].next;
      if (!allowed.includes(step.action))
        problems.push(`${path.id}: ${step.action} may not follow ${previous ?? 'the start'}`);
      if (i > 0 && step.gapDays < 1) problems.push(`${path.id}: ${step.action} must wait at least a day`);
      if (ACTIONS[step.action].holdsEnforcement)
        problems.push(`${path.id}: the default run may not put an account on hold`);
    });
    if (path.steps.length === 0) problems.push(`${path.id}: no steps`);
    if (Object.values(path.missedToDefault).some((n) => !Number.isInteger(n) || n < 1) || path.daysOverdueToDefault < 1)
      problems.push(`${path.id}: thresholds must be positive`);
  }
  if (problems.length) throw new Error(`Invalid enforcement paths:\n${problems.join('\n')}`);
}
