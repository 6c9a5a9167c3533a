import { isStaff, type Principal } from '@ccsc/auth/principal';

/**
 * The one rule in this service for a user id that says which officer did or holds something (the
 * identity provider's subject, e.g. who is working an enquiry): staff see it; a citizen or a firm
 * gets null, as the cases service names no staff to the parties. Every response field that carries
 * such an id takes it through here, except `EnquiryMessage.author`: the released contract has it
 * non-null, so hiding an officer author waits for a contract change.
 */
export function userIdSeenBy(viewer: Principal, userId: string | null): string | null {
  return isStaff(viewer) ? userId : null;
}
