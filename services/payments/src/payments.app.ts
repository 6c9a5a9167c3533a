import { createServiceApp } from '@ccsc/platform';
import type { PaymentsConfig } from './config';
import { PaymentsModule } from './payments.module';

/** The payments application, not yet listening: main.ts, the embedded stack and the tests all start it this way. */
export function paymentsApp(config: PaymentsConfig) {
  return createServiceApp(PaymentsModule.forRoot(config), {
    service: 'payments',
    title: 'Payments API',
    description:
      'Fees, service requests, payments (card, payment by account, bulk scanning), allocation, Help with Fees, refunds and the ledger. Firms see only their own accounts and payments.',
    config,
  });
}
