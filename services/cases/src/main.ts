import { runMain, runServiceApp } from '@ccsc/platform';
import { readCasesConfig } from './config';
import { casesApp } from './cases.app';

runMain(async () => {
  const config = readCasesConfig();
  await runServiceApp(await casesApp(config), config);
});
