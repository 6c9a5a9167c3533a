// `npm start -- --sandbox`: the partner sandbox, seeded once the platform is up. Opt-in only, and
// refused where it has no place: in production (demo data and tokens minted by the platform itself),
// and behind an identity provider, whose tokens the sandbox cannot mint.
import { parseArgs } from 'node:util';
import { loadOrCreateLocalKeys, mintToken } from '@ccsc/auth';
import { sandboxBanner } from './sandbox-banner';
import { seedSandbox, type TokenMinter } from './seed-sandbox';

type Env = Record<string, string | undefined>;

/** Whether `npm start`'s arguments ask for the sandbox; throws on an unknown argument, or where it is refused. */
export function sandboxRequested(args: readonly string[], env: Env): boolean {
  const { values } = parseArgs({ args: [...args], options: { sandbox: { type: 'boolean', default: false } } });
  if (!values.sandbox) return false;
  if (env.NODE_ENV === 'production')
    throw new Error('--sandbox is refused when NODE_ENV=production: it seeds a demo firm and mints its tokens');
  if (env.AUTH_JWKS_URL)
    throw new Error(
      "--sandbox mints tokens with the platform's own signing key, which AUTH_JWKS_URL replaces: unset it for the sandbox",
    );
  return true;
}

/** Tokens signed with the platform's own key, which the servers `npm start` runs trust. */
export function localTokenMinter(keysDir: string, env: Env): TokenMinter {
  return async (persona, ttl) =>
    mintToken(await loadOrCreateLocalKeys(keysDir), {
      sub: persona.sub,
      roles: [persona.role],
      org: persona.org,
      issuer: env.AUTH_ISSUER ?? 'ccsc-local',
      audience: env.AUTH_AUDIENCE ?? 'ccsc-api',
      ttl,
    });
}

/** Seeds the sandbox through the gateway and returns the lines to print about it. */
export async function startSandbox(options: {
  gatewayUrl: string;
  keysDir: string;
  env: Env;
  progress: (line: string) => void;
}): Promise<string[]> {
  const seed = await seedSandbox({
    gatewayUrl: options.gatewayUrl,
    mintToken: localTokenMinter(options.keysDir, options.env),
    progress: (line) => options.progress(`sandbox: ${line}`),
  });
  return sandboxBanner(seed);
}
