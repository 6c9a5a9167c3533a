// `npm run bench -- token-verify`: what a request pays to authenticate, in CPU per call, in one run:
// a bearer token verified with its signature checked (ES256, as the platform's local keys and most
// identity providers sign) against the same token answered from the verifier's cache of lately
// verified tokens (libs/auth/src/token-verifier.ts). Every hop of a request verifies: the gateway
// and each subgraph a query reaches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateLocalKeys, mintToken } from '../libs/auth/src/local-keys';
import { TokenVerifier } from '../libs/auth/src/token-verifier';
import { envNumber } from './harness';
import { markdownTable, type BenchSection } from './report';

const CALLS = envNumber('BENCH_TOKEN_CALLS', 3_000);

export async function run(): Promise<BenchSection> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccsc-bench-keys-'));
  try {
    const keys = await loadOrCreateLocalKeys(dir);
    const verifier = new TokenVerifier({ localKeysDir: dir, issuer: 'bench', audience: 'bench', production: false });
    const mint = (i: number) =>
      mintToken(keys, { sub: `user-${i}`, roles: ['caseworker'], issuer: 'bench', audience: 'bench' });
    // Distinct tokens miss the cache, so each is verified in full; one token repeated hits it.
    const tokens = await Promise.all(Array.from({ length: CALLS + 1 }, (_, i) => mint(i)));
    await verifier.verify(tokens[0]);
    const checked = await cpuPerCall(CALLS, (i) => verifier.verify(tokens[i + 1]));
    const cached = await cpuPerCall(CALLS, () => verifier.verify(tokens[0]));
    return {
      title: `Token verification: signature checked against the cache of verified tokens (${CALLS.toLocaleString('en-GB')} calls each)`,
      markdown: markdownTable(
        ['verification', 'CPU µs per call', 'ratio'],
        [
          ['signature checked (ES256)', checked.toFixed(1), 'x1'],
          ['from the cache', cached.toFixed(2), `x${(cached / checked).toFixed(3)}`],
        ],
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cpuPerCall(calls: number, call: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call(i);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / calls;
}
