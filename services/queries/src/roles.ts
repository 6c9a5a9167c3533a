import type { Role } from '@ccsc/auth';

// Who may call what in the queries service. Which enquiries a reader sees is the platform's access
// scope (accessScopeOf): staff all, a firm its contacts', a citizen their own.

/** Everyone who raises or follows enquiries and reads the knowledge base. */
export const ENQUIRY_READERS: Role[] = ['citizen', 'professional', 'caseworker', 'team-leader', 'judiciary', 'system'];
/** The service centre's officers, who work enquiries. */
export const OFFICERS: Role[] = ['caseworker', 'team-leader', 'judiciary', 'system'];
/** Who keeps triage rules, SLA targets and runs, and the knowledge base. */
export const TEAM_LEADERS: Role[] = ['team-leader', 'system'];
/** Who hands out work: assigns it, takes it from others, and takes work escalated to a team leader. */
export const ALLOCATORS: Role[] = ['team-leader'];
/** Who works and reads the service centre's work queue (tasks from every service). */
export const WORKERS: Role[] = ['caseworker', 'team-leader'];
