// `npm run contract:release`: records the contract being released (the supergraph and the merged OpenAPI
// document) under contracts/released/, which `npm test` then holds every later change to. The OpenAPI
// document is the gateway's /api/docs: of a platform started here for a moment (on DATABASE_URL's
// PostgreSQL server, else an embedded one), or of a running gateway with `-- --gateway http://127.0.0.1:4000`.
// It refuses what `npm test` would refuse, and moves the listed breaking changes it releases into
// contracts/released/release.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { composeSupergraph, SUPERGRAPH_FILE } from './compose-supergraph';
import { contractViolations, readListedChanges } from './contract/breaking-changes';
import {
  BREAKING_CHANGES_FILE,
  RELEASE_NOTE_FILE,
  RELEASED_OPENAPI_FILE,
  RELEASED_SUPERGRAPH_FILE,
} from './contract/contract-files';
import { fetchOpenApi, openApiOfFreshPlatform } from './contract/current-openapi';
import { graphqlChanges } from './contract/graphql-changes';
import { openApiBreakingChanges } from './contract/openapi-changes';

const RELEASED_HEADER =
  '# The supergraph of the last release, written by `npm run contract:release`; `npm test` fails on a change that breaks it.\n';

async function writeFormatted(file: string, value: unknown) {
  const text = await format(JSON.stringify(value), { ...(await resolveConfig(file)), filepath: file });
  writeFileSync(file, text);
}

async function main() {
  const gatewayAt = process.argv.indexOf('--gateway');
  const gatewayUrl = gatewayAt > 0 ? process.argv[gatewayAt + 1] : undefined;
  if (gatewayAt > 0 && !gatewayUrl) throw new Error('usage: npm run contract:release [-- --gateway <url>]');

  const supergraph = (await composeSupergraph()).replace(/^#.*\n/, RELEASED_HEADER);
  if (readFileSync(SUPERGRAPH_FILE, 'utf8').replace(/^#.*\n/, RELEASED_HEADER) !== supergraph)
    throw new Error('gateway/supergraph.graphql is stale: run `npm run compose` first, and release what is committed.');
  const openApi = gatewayUrl ? await fetchOpenApi(gatewayUrl) : await openApiOfFreshPlatform(process.env.DATABASE_URL);

  const listed = readListedChanges();
  const today = new Date().toISOString().slice(0, 10);
  if (existsSync(RELEASED_SUPERGRAPH_FILE) && existsSync(RELEASED_OPENAPI_FILE)) {
    const graphql = await graphqlChanges(readFileSync(RELEASED_SUPERGRAPH_FILE, 'utf8'), supergraph);
    const rest = openApiBreakingChanges(JSON.parse(readFileSync(RELEASED_OPENAPI_FILE, 'utf8')), openApi);
    const violations = [
      ...contractViolations('graphql', graphql.breaking, listed, today),
      ...contractViolations('rest', rest, listed, today),
    ];
    if (violations.length) throw new Error(`Not released:\n${violations.map((v) => `  - ${v}`).join('\n')}`);
  }

  // The first release makes the folder.
  mkdirSync(path.dirname(RELEASED_SUPERGRAPH_FILE), { recursive: true });
  writeFileSync(RELEASED_SUPERGRAPH_FILE, supergraph);
  await writeFormatted(RELEASED_OPENAPI_FILE, openApi);
  await writeFormatted(RELEASE_NOTE_FILE, { releasedOn: today, breakingChanges: listed });
  const list = JSON.parse(readFileSync(BREAKING_CHANGES_FILE, 'utf8')) as Record<string, unknown>;
  await writeFormatted(BREAKING_CHANGES_FILE, { ...list, changes: [] });
  const operations = Object.values(openApi.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
  console.log(
    `released: ${path.relative(process.cwd(), RELEASED_SUPERGRAPH_FILE)}, ` +
      `${path.relative(process.cwd(), RELEASED_OPENAPI_FILE)} (${operations} operations), ` +
      `${listed.length} listed breaking change(s) moved to ${path.relative(process.cwd(), RELEASE_NOTE_FILE)}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
