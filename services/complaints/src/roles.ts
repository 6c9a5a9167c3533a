import type { Role } from '@ccsc/auth/principal';

/** The staff who handle complaints: they record, answer, escalate and close them, and see every complaint. */
export const COMPLAINT_STAFF: Role[] = ['complaints-officer', 'team-leader'];
/** Staff who may read every complaint (a caseworker sees the complaints on the cases they administer). */
export const COMPLAINT_STAFF_READERS: Role[] = [...COMPLAINT_STAFF, 'caseworker', 'system'];
/** The public form: a citizen or a firm files and follows its own complaints (the access scope says which). */
export const COMPLAINANTS: Role[] = ['citizen', 'professional'];
/** Who may read complaints: staff readers all of them, complainants their own. */
export const COMPLAINT_READERS: Role[] = [...COMPLAINT_STAFF_READERS, ...COMPLAINANTS];
/** Who may send a Tier 1+ response. */
export const SENIOR_LEADERS: Role[] = ['team-leader'];
/** Who may refresh the at-risk and breached flags by hand: complaints staff, and the platform's own jobs. */
export const SLA_RUNNERS: Role[] = [...COMPLAINT_STAFF, 'system'];
/** Who may read the complaint figures (MI): complaints staff, and the platform's reporting jobs. */
export const MI_READERS: Role[] = [...COMPLAINT_STAFF, 'system'];
