import { isStaff, type Principal } from '@ccsc/auth/principal';

/**
 * The one rule in this service for a user id that says who did something on a case (the subject of
 * their token: who triggered an event, who reviewed a document): staff see it; a party, or the firm
 * acting for one, does not (undefined: null on GraphQL, left out over REST). Decisions and minded-to
 * notices keep the same rule in their own party views (asSeenByParties), with the staff notes they hide.
 */
export function userIdSeenBy(viewer: Principal, userId: string | undefined): string | undefined {
  return isStaff(viewer) ? userId : undefined;
}
