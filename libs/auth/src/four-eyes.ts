import { ConflictError } from '@ccsc/platform/errors';

/**
 * The subject earlier versions recorded as the proposer of what nobody in particular proposed (a
 * refund raised from a complaint's remedy). It names no person, so nobody can be the second one to
 * it: such a proposal must first be taken on by an officer.
 */
export const NO_PERSON = 'system';

/**
 * Four eyes on money (architecture.md): money leaves, or a debt is forgiven, only when two different
 * people have acted, the one who proposed it and the one who approves it. People are told apart by
 * their token subject and nothing else, so the same `sub` is the same person whatever role, route or
 * token it comes with. Every path that takes money out or forgives a debt calls this before acting.
 *
 * @param requestedBy the subject who proposed it (asked for the refund, agreed the remedy, allocated the payment...)
 * @param approver the subject now approving it
 * @param what what is being approved, for the message: "A refund", "An allocation"
 */
export function assertSecondPerson(requestedBy: string | null | undefined, approver: string, what: string): void {
  if (!requestedBy || requestedBy === NO_PERSON) {
    throw new ConflictError(`${what} has no officer who proposed it, so it cannot be approved until one takes it on`);
  }
  if (!approver || approver === NO_PERSON)
    throw new ConflictError(`${what} is approved by a person, never by the system`);
  if (requestedBy === approver)
    throw new ConflictError(`${what} must be approved by someone other than the person who proposed it`);
}
