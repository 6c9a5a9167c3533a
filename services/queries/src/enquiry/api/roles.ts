import type { Role } from '@ccsc/auth';

/** Everyone who raises or follows enquiries; which ones each sees is decided by visibilitySql. */
export const ENQUIRY_READERS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'judiciary', 'system'];
/** The service centre's officers, who work enquiries. */
export const OFFICERS: Role[] = ['caseworker', 'team-leader', 'judiciary', 'system'];
/** Who keeps triage rules, SLA runs and the knowledge base. */
export const TEAM_LEADERS: Role[] = ['team-leader', 'system'];
