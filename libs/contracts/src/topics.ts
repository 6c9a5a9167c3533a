import type { ServiceName } from './services';

/** One topic per publishing service; every event a service publishes goes to its own topic. */
export const eventTopic = (service: ServiceName) => `ccsc.${service}.events`;

/** Where a consuming service parks events it could not apply after its retries. */
export const deadLetterTopic = (consumer: ServiceName) => `ccsc.${consumer}.dead-letters`;
