import { assertSecondPerson } from '@ccsc/auth/four-eyes';
import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';
import type { CaseTypeDefinition, ReadinessCriterion } from '../../case-type/domain/case-type.definition';

export interface RecordDecisionCommand {
  outcome: string;
  legalBasis: string;
  reasons: string;
  evidenceReferences: string[];
  /** The decision this one corrects. */
  supersedes?: string;
}

export const CHECK_OUTCOMES = ['approved', 'returned'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export interface CheckDecisionCommand {
  /** `approved`: it may be served; `returned`: the decision maker corrects it (a superseding decision). */
  outcome: CheckOutcome;
  /** What the checker found; required when returning it. */
  comments?: string;
}

/** A second person's check of a decision before anything is served on its basis; recorded once. */
export interface DecisionCheck {
  outcome: CheckOutcome;
  checkedBy: string;
  checkedAt: Date;
  comments?: string;
}

/** A decision as made: a record, never edited; a correction is a new decision that supersedes it. */
export interface Decision extends RecordDecisionCommand {
  id: string;
  caseId: string;
  decidedBy: string;
  decidedAt: Date;
  /** The decision that corrected this one, if any; a decision without one is current. */
  supersededBy?: string;
  check?: DecisionCheck;
}

/**
 * A second person checks the current decision, never its decision maker (people told apart by token subject,
 * as four eyes on money are), and once: a returned decision is corrected by one that supersedes it, which
 * needs a check of its own.
 */
export function checkDecision(
  decision: Decision,
  command: CheckDecisionCommand,
  checker: string,
  now: Date,
): DecisionCheck {
  if (decision.supersededBy) throw new ConflictError('That decision has been superseded; check the current one');
  if (decision.check) throw new ConflictError(`The decision has already been checked (${decision.check.outcome})`);
  assertSecondPerson(decision.decidedBy, checker, 'A decision');
  const comments = command.comments?.trim();
  if (command.outcome === 'returned' && !comments)
    throw new BadUserInputError('A returned decision needs comments', [
      { field: 'comments', message: 'say what the decision maker must correct' },
    ]);
  return { outcome: command.outcome, checkedBy: checker, checkedAt: now, ...(comments ? { comments } : {}) };
}

/** A decision as the parties read it: what was decided and that it was checked, not by whom. */
export type DecisionAsSeen = Omit<Decision, 'decidedBy' | 'check'> & {
  decidedBy?: string;
  check?: Pick<DecisionCheck, 'outcome' | 'checkedAt'> & Partial<Pick<DecisionCheck, 'checkedBy' | 'comments'>>;
};

/**
 * What the parties read of a decision: without who made and who checked it (staff are not named to the parties,
 * as in the case history) and without the checker's comments, which are staff's working notes.
 */
export function asSeenByParties({ decidedBy: _decidedBy, check, ...decision }: Decision): DecisionAsSeen {
  return { ...decision, ...(check ? { check: { outcome: check.outcome, checkedAt: check.checkedAt } } : {}) };
}

/**
 * When a case type whose decisions a second person checks (an event waits for `decision-checked`) may take a
 * decision, or its check: a decision only in the states it decides from or where the check is awaited (a
 * correction before service, which needs its own check), and a check only where it is awaited. So no decision is
 * checked before the evidence and representations it rests on, and none replaces a served one unchecked. Case
 * types without a check keep their decisions free of states. Returns why not, or undefined.
 */
export function decisionTimingProblem(
  type: CaseTypeDefinition,
  state: string,
  act: 'record' | 'check',
): string | undefined {
  const startsOf = (kind: ReadinessCriterion['kind']) =>
    type.events.filter((e) => e.readiness.some((c) => c.kind === kind)).flatMap((e) => e.from);
  const awaitingCheck = startsOf('decision-checked');
  if (awaitingCheck.length === 0) return undefined;
  const allowed = act === 'check' ? awaitingCheck : [...startsOf('decision-recorded'), ...awaitingCheck];
  if (allowed.includes(state)) return undefined;
  return act === 'check'
    ? `A decision is checked only while the case waits for the check, not while it is ${state}`
    : `A decision is recorded only when the case is ready for one or its check is awaited, not while it is ${state}`;
}
