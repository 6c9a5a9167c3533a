export * from './case-access.rule';
export * from './case-access.table';
export * from './case-access';
export * from './case-access.module';
