import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPHQL_CLIENT_DIR, readCurrentOpenApi, REST_CLIENT_TYPES_FILE } from './current-contract';
import { graphqlClientFiles, restClientTypes } from './typed-clients';

const STALE = 'is stale: run `npm run contract:current -- --clients-only` and commit what it writes';

// The typed clients the e2e tests compile against are generated files; generated again here, they must come out
// the same, so a changed contract or a changed operation cannot leave the tests on the old types.
describe('the e2e tests’ typed clients', () => {
  it('are the REST types openapi-typescript makes of contracts/current/openapi.json', async () => {
    const generated = await restClientTypes(readCurrentOpenApi());
    if (generated !== readFileSync(REST_CLIENT_TYPES_FILE, 'utf8'))
      throw new Error(`${REST_CLIENT_TYPES_FILE} ${STALE}`);
  });

  it('are the GraphQL types Code Generator makes of the supergraph and the operations the tests send', async () => {
    const generated = await graphqlClientFiles();
    const committed = readdirSync(GRAPHQL_CLIENT_DIR).map((name) => path.join(GRAPHQL_CLIENT_DIR, name));
    expect([...generated.keys()].sort()).toEqual(committed.sort());
    for (const [file, content] of generated)
      if (content !== readFileSync(file, 'utf8')) throw new Error(`${file} ${STALE}`);
  }, 60_000);
});
