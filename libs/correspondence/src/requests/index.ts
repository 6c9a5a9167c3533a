// Requests for correspondence decided from a service's own events by its rule table, for a Nest service
// publishing through @ccsc/messaging's outbox (the rules themselves are free of both).
export * from './correspondence-rules';
export * from './correspondence-rule-book';
export * from './correspondence-requests';
export * from './correspondence-events.consumer';
