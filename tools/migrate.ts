// `npm run migrate [-- service ...]`: creates each service's database if missing and applies its
// pending migrations. A service's database is `<SERVICE>_DATABASE_URL`, or the server of
// DATABASE_URL with a database named after the service. Docker compose runs it as a one-shot job.
import { migrateDatabase, withDatabase } from '@ccsc/platform';
import type { ServiceName } from '@ccsc/contracts';
import { serviceEntries, ServiceEntry } from './services';

export function serviceDatabaseUrl(
  service: ServiceName,
  env: Record<string, string | undefined> = process.env,
): string {
  const own = env[`${service.toUpperCase()}_DATABASE_URL`];
  if (own) return own;
  if (!env.DATABASE_URL) throw new Error(`Set ${service.toUpperCase()}_DATABASE_URL or DATABASE_URL`);
  return withDatabase(env.DATABASE_URL, service);
}

export const migrateService = (entry: ServiceEntry, url: string): Promise<string[]> =>
  migrateDatabase(url, entry.database);

async function main() {
  const wanted = process.argv.slice(2);
  const entries = serviceEntries().filter(([name]) => wanted.length === 0 || wanted.includes(name));
  const unknown = wanted.filter((w) => !entries.some(([name]) => name === w));
  if (unknown.length) throw new Error(`Unknown service(s): ${unknown.join(', ')}`);
  for (const [name, entry] of entries) {
    const applied = await migrateService(entry, serviceDatabaseUrl(name));
    console.log(
      JSON.stringify({
        level: 'info',
        service: name,
        msg: applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations',
      }),
    );
  }
}

if (process.argv[1] === __filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
