import { createServiceApp } from '@ccsc/platform';
import type { CasesConfig } from './config';
import { CasesModule } from './cases.module';

/** The cases application, not yet listening: main.ts, the embedded stack and the tests all start it this way. */
export function casesApp(config: CasesConfig) {
  return createServiceApp(CasesModule.forRoot(config), {
    service: 'cases',
    title: 'Cases API',
    description:
      'Case administration: cases, parties, readiness and state changes. Partners see only the cases their organisation represents.',
    config,
  });
}
