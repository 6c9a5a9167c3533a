export * from './services';
export * from './topics';
export * from './envelope';
export * from './event-type';
export * from './events/cases.events';
export * from './events/payments.events';
