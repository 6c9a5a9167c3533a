import { hasRole, isStaff, type Principal } from '@ccsc/auth/principal';
import { partiesActedFor } from '@ccsc/case-access/rule';
import { ForbiddenError } from '@ccsc/platform/errors';
import type { NewParty } from '../../case/domain/case';
import { caseAccessOf, relationOf } from '../../case/domain/case-access';
import { hasPartyAccess } from '../../case/domain/party-access';
import type { Party } from '../../case/domain/party';

/*
 * Who may put whom on a case's record. A party's citizen account and its firm are what give access
 * to the case (libs/case-access), so naming them is granting access: nobody but staff names another
 * firm or links someone else's account, and nobody puts themselves on the other side's record.
 */

/** GraphQL passes an explicit null for a nullable input left empty: it names nobody, like an omitted one. */
const given = (value: string | null | undefined): value is string => value !== undefined && value !== null;

/**
 * The parties of a new case as the caller may enter them. Staff enter anyone, with any account and
 * any firm. A professional files for one client: exactly one party names a firm, their own, and no
 * party is linked to a citizen account. A citizen brings the case themselves: no party names a firm,
 * and only their own party is linked to their account (the one that names it, else the first).
 */
export function partiesEnteredBy(principal: Principal, parties: readonly NewParty[]): NewParty[] {
  if (isStaff(principal)) return [...parties];
  if (hasRole(principal, 'professional')) {
    if (parties.some((p) => given(p.userId)))
      throw new ForbiddenError('Only staff may link a citizen account to a party');
    if (parties.some((p) => given(p.representedBy) && p.representedBy !== principal.organisationId)) {
      throw new ForbiddenError("You may name only your own firm as a party's representative");
    }
    if (parties.filter((p) => given(p.representedBy)).length !== 1) {
      throw new ForbiddenError(
        'A professional opens a case for one party, naming their own firm as its representative',
      );
    }
    return [...parties];
  }
  if (hasRole(principal, 'citizen')) {
    if (parties.some((p) => given(p.representedBy)))
      throw new ForbiddenError("Only staff or the firm itself may name a party's representative");
    if (parties.some((p) => given(p.userId) && p.userId !== principal.sub))
      throw new ForbiddenError('You can only link your own account to a party');
    const own = parties.filter((p) => p.userId === principal.sub);
    if (own.length > 1) throw new ForbiddenError('You can be only one of the parties');
    const yours = own[0] ?? parties[0];
    return parties.map((p) => (p === yours ? { ...p, userId: principal.sub } : p));
  }
  throw new ForbiddenError('Only staff, a citizen or a professional may open a case');
}

/** The roles that bring a case, and those they bring it against. */
const BRINGS: readonly string[] = ['claimant', 'applicant', 'appellant'];
const ANSWERS: readonly string[] = ['defendant', 'respondent'];

/**
 * A party added to an existing case. Staff add anyone. A professional adds a party without an account:
 * on their own side (a role their firm already acts for, e.g. a second claimant), one their firm represents;
 * or, for the side that brings the case, a further defendant or respondent to bring it against
 * (unrepresented). A stranger with an address for the court's letters is never theirs to add. The side that answers a case joins nobody to the other side: the defendant's firm put a
 * claimant "Ghost" with its own email address on a claim, and the court would have written to them.
 */
export function assertMayAddParty(principal: Principal, input: NewParty, parties: readonly Party[]): void {
  if (isStaff(principal)) return;
  if (!hasRole(principal, 'professional')) throw new ForbiddenError('Only staff or a representative may add a party');
  if (given(input.userId)) throw new ForbiddenError('Only staff may link a citizen account to a party');
  if (given(input.representedBy) && input.representedBy !== principal.organisationId)
    throw new ForbiddenError("You may name only your own firm as a party's representative");
  const actsFor = partiesActedFor(caseAccessOf(principal), parties.map(relationOf)).map((p) => p.role);
  const ownSide = actsFor.includes(input.role) && input.representedBy === principal.organisationId;
  const broughtAgainst =
    !given(input.representedBy) && ANSWERS.includes(input.role) && actsFor.some((role) => BRINGS.includes(role));
  if (!ownSide && !broughtAgainst)
    throw new ForbiddenError(
      `Your firm may add a ${input.role} only on its own side, representing them, or a further defendant or respondent to a case it brings; the court joins anyone else`,
    );
}

/**
 * Changing who represents a party. Naming a firm (a new one, or a transfer on a notice of change) is
 * staff's, who act once the party has confirmed it; a firm cannot take itself onto a case or hand it
 * to another. Whoever acts for the party may take its firm off the record: the firm ceasing to act,
 * or the party (their citizen account) discharging it. Access follows at once either way.
 */
export function assertMayChangeRepresentation(
  principal: Principal,
  party: Party,
  organisationId: string | undefined,
): void {
  if (isStaff(principal)) return;
  if (organisationId === undefined && hasPartyAccess(caseAccessOf(principal), party)) return;
  throw new ForbiddenError(
    "Only staff name a party's representative, on the party's confirmation; whoever acts for a party may take its firm off the record",
  );
}

/** Changing a party's details: staff, or whoever acts for the party (the same rule as seeing them). */
export function assertMayChangeParty(principal: Principal, party: Party): void {
  if (!hasPartyAccess(caseAccessOf(principal), party))
    throw new ForbiddenError("You may change only your own or your client's details");
}
