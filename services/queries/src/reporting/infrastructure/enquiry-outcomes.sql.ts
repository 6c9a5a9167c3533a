import { sql } from '@ccsc/platform';

/**
 * What an enquiry's outcome means in every figure of this service: the enquiry figures here and the
 * management information (src/management-information) count the same enquiries as answered, on time
 * and resolved at first contact. Fragments over `enquiries e`, the SLA ones over `RESOLUTION_CLOCK s`.
 */

/**
 * The instant the enquiry was answered: set on resolving, kept when a resolved enquiry is closed, cleared
 * when it is reopened. Null for one closed without ever being resolved, which is therefore never answered.
 */
export const RESOLVED_AT = sql`e.resolved_at`;

/**
 * Resolved without waiting for the customer, without escalation and with at most one reply; decided when
 * it was resolved (EnquiryChanges).
 */
export const RESOLVED_AT_FIRST_CONTACT = sql`e.resolved_first_contact`;

/** The clock an enquiry's SLA is judged by: its resolution clock, as `s` (absent for none). */
export const RESOLUTION_CLOCK = sql`LEFT JOIN enquiry_sla_clocks s ON s.enquiry_id = e.id AND s.clock = 'resolution'`;

/** The resolution clock stopped by its due time (time waiting for the customer does not count). */
export const SLA_MET = sql`s.status = 'stopped' AND s.met`;
