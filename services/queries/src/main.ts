import { runMain, runServiceApp } from '@ccsc/platform';
import { readQueriesConfig } from './config';
import { queriesApp } from './queries.app';

runMain(async () => {
  const config = readQueriesConfig();
  await runServiceApp(await queriesApp(config), config);
});
