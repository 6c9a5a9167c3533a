import { isDeepStrictEqual } from 'node:util';
import { assertNoViolations, checkRestContract } from '../tools/contract/check-contract';
import { CURRENT_OPENAPI_FILE, readCurrentOpenApi } from '../tools/contract/current-contract';
import { fetchOpenApi } from '../tools/contract/current-openapi';
import { RunningPlatform, startTestPlatform } from './platform';

/** Where two documents differ: each path, method or component schema that is not the same in both. */
function differences(committed: Record<string, unknown>, served: Record<string, unknown>): string[] {
  const sections = (document: Record<string, unknown>) => {
    const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
    const schemas = ((document.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<
      string,
      unknown
    >;
    return new Map<string, unknown>([
      ...Object.entries(paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as const),
      ),
      ...Object.entries(schemas).map(([name, schema]) => [`schema ${name}`, schema] as const),
      ...Object.entries(document)
        .filter(([key]) => key !== 'paths' && key !== 'components')
        .map(([key, value]) => [key, value] as const),
    ]);
  };
  // Both parsed here: an answer parsed by fetch has another realm's prototypes, which a strict comparison tells apart.
  const [a, b] = [sections(JSON.parse(JSON.stringify(committed))), sections(JSON.parse(JSON.stringify(served)))];
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => !isDeepStrictEqual(a.get(key), b.get(key)));
}

// The REST half of the contract check: /api/docs as the gateway merges it, against the released document and
// against the committed current one the typed clients are generated from.
describe('the REST contract', () => {
  let platform: RunningPlatform;
  let served: Record<string, unknown>;

  beforeAll(async () => {
    platform = await startTestPlatform();
    served = await fetchOpenApi(platform.gatewayUrl);
  });
  afterAll(() => platform.stop());

  it('breaks nothing released, except what contracts/breaking-changes.json lists after its deprecation', async () => {
    assertNoViolations(checkRestContract(served));
  });

  it('is what contracts/current/openapi.json says, which the e2e tests’ typed client is generated from', () => {
    const stale = differences(readCurrentOpenApi(), served);
    if (stale.length)
      throw new Error(
        `${CURRENT_OPENAPI_FILE} is not what the gateway serves at /api/docs; run \`npm run contract:current\` and ` +
          `commit what it writes. It differs at:\n${stale.map((d) => `  - ${d}`).join('\n')}`,
      );
  });
});
