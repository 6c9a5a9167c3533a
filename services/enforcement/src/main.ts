import { runMain, runServiceApp } from '@ccsc/platform';
import { readEnforcementConfig } from './config';
import { enforcementApp } from './enforcement.app';

runMain(async () => {
  const config = readEnforcementConfig();
  await runServiceApp(await enforcementApp(config), config);
});
