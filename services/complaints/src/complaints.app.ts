import { createServiceApp } from '@ccsc/platform';
import type { ComplaintsConfig } from './config';
import { ComplaintsModule } from './complaints.module';

/** The complaints application, not yet listening: main.ts, the embedded stack and the tests all start it this way. */
export function complaintsApp(config: ComplaintsConfig) {
  return createServiceApp(ComplaintsModule.forRoot(config), {
    service: 'complaints',
    title: 'Complaints API',
    description:
      'Complaints through their stages and working-day clocks, responses, remedies, personal-data breaches, root causes and MI. Citizens and firms see only their own complaints.',
    config,
  });
}
