import { createServiceApp } from '@ccsc/platform';
import type { EnforcementConfig } from './config';
import { EnforcementModule } from './enforcement.module';

/** The enforcement application, not yet listening: main.ts, the embedded stack and the tests all start it this way. */
export function enforcementApp(config: EnforcementConfig) {
  return createServiceApp(EnforcementModule.forRoot(config), {
    service: 'enforcement',
    title: 'Enforcement API',
    description:
      'Criminal fines collection: fine accounts, payment terms, allocation by priority, the default run, enforcement actions, warrants and write-offs. Staff only.',
    config,
  });
}
