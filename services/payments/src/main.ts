import { runMain, runServiceApp } from '@ccsc/platform';
import { readPaymentsConfig } from './config';
import { paymentsApp } from './payments.app';

runMain(async () => {
  const config = readPaymentsConfig();
  await runServiceApp(await paymentsApp(config), config);
});
