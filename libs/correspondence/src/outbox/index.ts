// The machinery of sending, for a Nest service with its own PostgreSQL database (see correspondence-outbox.module.ts).
export * from './correspondence-item';
export * from './in-wales';
export * from './correspondence-items.table';
export * from './correspondence-settings';
export * from './correspondence-item.repository';
export * from './correspondence-recorder';
export * from './correspondence-dispatcher';
export * from './delivery-receipts';
export * from './delivery-receipt.route';
export * from './letter-of-item';
export * from './notification-sender.provider';
export * from './correspondence-outbox.module';
export * from './correspondence-item.api-model';
export * from './correspondence-recorded';
