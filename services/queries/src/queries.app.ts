import { createServiceApp } from '@ccsc/platform';
import type { QueriesConfig } from './config';
import { QueriesModule } from './queries.module';

/** The queries application, not yet listening: main.ts, the embedded stack and the tests all start it this way. */
export function queriesApp(config: QueriesConfig) {
  return createServiceApp(QueriesModule.forRoot(config), {
    service: 'queries',
    title: 'Queries API',
    description:
      'Enquiries from every channel: triage, knowledge base, SLAs and work allocation. The public and partners see only their own enquiries.',
    config,
  });
}
