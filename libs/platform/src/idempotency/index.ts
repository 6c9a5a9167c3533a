export * from './idempotency-tables';
export * from './idempotency.store';
export * from './idempotency.interceptor';
export * from './idempotency.module';
export * from './request-fingerprint';
