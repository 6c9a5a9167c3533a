// `npm run token -- --role caseworker [--org ORG] [--sub USER] [--ttl SECONDS]` prints a bearer
// token signed with the embedded stack's own key (.data/keys), which `npm start` accepts.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, loadOrCreateLocalKeys, mintToken, ORGANISATION_ROLES, ROLES } from '@ccsc/auth';
import { REPO_ROOT } from './repo-root';

export const LOCAL_KEYS_DIR = path.join(REPO_ROOT, '.data', 'keys');

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
    },
  });
  if (!isRole(values.role)) throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  if (ORGANISATION_ROLES.includes(values.role) && !values.org)
    throw new Error(`a ${values.role} token needs --org ORGANISATION_ID (the firm or the agency)`);
  const token = await mintToken(await loadOrCreateLocalKeys(process.env.AUTH_LOCAL_KEYS_DIR ?? LOCAL_KEYS_DIR), {
    sub: values.sub ?? `${values.role}-1`,
    roles: [values.role],
    org: values.org,
    issuer: process.env.AUTH_ISSUER ?? 'ccsc-local',
    audience: process.env.AUTH_AUDIENCE ?? 'ccsc-api',
    ttl: Number(values.ttl),
  });
  process.stdout.write(`${token}\n`);
}

if (process.argv[1] === __filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
