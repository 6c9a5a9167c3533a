// `npm run contract:current`: writes the current contract into contracts/current/openapi.json (the gateway's
// /api/docs of a platform started here for a moment, on DATABASE_URL's PostgreSQL server, else an embedded one;
// or of a running gateway with `-- --gateway http://127.0.0.1:4000`), then regenerates the typed clients the e2e
// tests use from it and from gateway/supergraph.graphql. Run it after changing an API, and commit what it wrote;
// `-- --clients-only` regenerates the clients from the committed document, after a test's operations change.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CURRENT_OPENAPI_FILE,
  GRAPHQL_CLIENT_DIR,
  readCurrentOpenApi,
  REST_CLIENT_TYPES_FILE,
} from './current-contract';
import { formatted, graphqlClientFiles, restClientTypes } from './typed-clients';

async function main() {
  const gatewayAt = process.argv.indexOf('--gateway');
  const gatewayUrl = gatewayAt > 0 ? process.argv[gatewayAt + 1] : undefined;
  const clientsOnly = process.argv.includes('--clients-only');
  if (gatewayAt > 0 && !gatewayUrl) throw new Error('usage: npm run contract:current [-- --gateway <url>]');

  if (!clientsOnly) {
    // Loaded only here: it brings in every service, which the clients alone do not need.
    const { fetchOpenApi, openApiOfFreshPlatform } = await import('./current-openapi');
    const openApi = gatewayUrl
      ? await fetchOpenApi(gatewayUrl)
      : await openApiOfFreshPlatform(process.env.DATABASE_URL);
    mkdirSync(path.dirname(CURRENT_OPENAPI_FILE), { recursive: true });
    writeFileSync(CURRENT_OPENAPI_FILE, await formatted(CURRENT_OPENAPI_FILE, JSON.stringify(openApi)));
  }
  mkdirSync(path.dirname(REST_CLIENT_TYPES_FILE), { recursive: true });
  writeFileSync(REST_CLIENT_TYPES_FILE, await restClientTypes(readCurrentOpenApi()));
  const graphqlFiles = await graphqlClientFiles();
  // What an earlier run generated and this one does not (an operation no test sends any more) goes.
  rmSync(GRAPHQL_CLIENT_DIR, { recursive: true, force: true });
  mkdirSync(GRAPHQL_CLIENT_DIR, { recursive: true });
  for (const [file, content] of graphqlFiles) writeFileSync(file, content);
  const relative = (file: string) => path.relative(process.cwd(), file);
  console.log(
    `written: ${clientsOnly ? '' : `${relative(CURRENT_OPENAPI_FILE)}, `}${relative(REST_CLIENT_TYPES_FILE)}, ` +
      `${relative(GRAPHQL_CLIENT_DIR)}/ (${readdirSync(GRAPHQL_CLIENT_DIR).join(', ')})`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
