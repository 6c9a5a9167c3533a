import { runMain, runServiceApp } from '@ccsc/platform';
import { readComplaintsConfig } from './config';
import { complaintsApp } from './complaints.app';

runMain(async () => {
  const config = readComplaintsConfig();
  await runServiceApp(await complaintsApp(config), config);
});
