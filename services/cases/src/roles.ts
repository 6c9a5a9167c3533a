import { RELATIONSHIP_ROLES, STAFF_ROLES, type Role } from '@ccsc/auth';
import { CASE_TYPES } from './case-type/case-types';
import { MINDED_TO_NOTICE_EVENT } from './status-review/domain/minded-to-notice';

// Who may call what in the cases service. These lists only say who may ask: which case, party or
// event a caller may touch is decided in application/ and domain/ (case access, representation).

/** Everyone who may work with cases: every officer sees one screen per case with its whole history. */
export const CASE_READERS: Role[] = [...RELATIONSHIP_ROLES, ...STAFF_ROLES];

/** Who may open a case, and send in a document for one. */
export const CASE_CREATORS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'system'];

/**
 * Who may ask to trigger an event: citizens and firms (for the parties they act for) and every staff
 * role that some case type's event names, judiciary included. Case.trigger decides which event.
 */
export const CASE_EVENT_TRIGGERERS: Role[] = [
  ...new Set<Role>(['citizen', 'professional', ...CASE_TYPES.flatMap((t) => t.events.flatMap((e) => e.roles))]),
];

/** Who may add a party to a case; a citizen is a party already and adds none. */
export const PARTY_ADDERS: Role[] = ['professional', 'caseworker', 'team-leader', 'system'];
/** Who may change a party's details and representation (domain/representation decides which party). */
export const PARTY_EDITORS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'system'];

/** The staff who list hearings and keep their on-the-day status. Everyone who may see a case may read its hearings. */
export const HEARING_STAFF: Role[] = ['caseworker', 'team-leader', 'judiciary'];

export const DECISION_MAKERS: Role[] = ['judiciary', 'caseworker', 'team-leader'];
/** Who checks a decision as the second person before it is served (never its own decision maker: domain/decision). */
export const DECISION_CHECKERS: Role[] = ['caseworker', 'team-leader'];

export const RESULTERS: Role[] = ['judiciary', 'caseworker'];

/** Who accepts or rejects a document that may be non-standard. */
export const DOCUMENT_REVIEWERS: Role[] = ['caseworker', 'team-leader'];

/** Who assesses needs, refers to the assisted-digital supplier and records its progress. */
export const ASSISTED_DIGITAL_OFFICERS: Role[] = ['caseworker', 'team-leader', 'system'];

/** Who may start the case-deadline run now rather than wait for its timer. */
export const DEADLINE_RUNNERS: Role[] = ['team-leader', 'system'];

/** Who matches a party with a party of another case as one person or organisation, and takes a match back. */
export const IDENTITY_MATCHERS: Role[] = ['caseworker', 'team-leader'];
/** Staff see every case of a person they matched; a party never learns of the other cases this way. */
export const IDENTITY_READERS: Role[] = [...STAFF_ROLES];

/** Who records a status review's referral, and the representations made on its minded-to notice. */
export const STATUS_REVIEW_CASEWORKERS: Role[] = ['caseworker', 'team-leader'];
/** A referral names its source and their concerns (which may be intelligence): the review's caseworkers read it, not other staff, outside clients or the person. */
export const REFERRAL_READERS: Role[] = [...STATUS_REVIEW_CASEWORKERS];
/** Who issues a minded-to notice: the roles its case-type event names (the notice and the event go together). */
export const MINDED_TO_NOTICE_ISSUERS: Role[] = [
  ...new Set<Role>(
    CASE_TYPES.flatMap((t) => t.events.filter((e) => e.id === MINDED_TO_NOTICE_EVENT).flatMap((e) => e.roles)),
  ),
];
