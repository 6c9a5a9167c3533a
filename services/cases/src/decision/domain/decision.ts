import { assertSecondPerson } from '@ccsc/auth/four-eyes';
import { BadUserInputError, ConflictError } from '@ccsc/platform/errors';

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

/** What the parties read of a decision: its check without the checker's comments, which are staff's working notes. */
export function asSeenByParties(decision: Decision): Decision {
  if (!decision.check?.comments) return decision;
  const { comments: _comments, ...check } = decision.check;
  return { ...decision, check };
}
