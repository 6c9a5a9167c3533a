export * from './postgres';
export * from './test-database';
export * from './test-env';
export * from './tokens';
export * from './service-env';
