export * from './audit-records';
export * from './audit-filter';
export * from './audit-surface';
export * from './audit-trail';
export * from './audit-trail.table';
