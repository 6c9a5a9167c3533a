// `npm run contract:gaps [-- --service cases] [--graphql]`: lists what the contracts leave undocumented,
// from the subgraphs' code as it is now (composed here) and the OpenAPI document of a platform started for
// a moment (on DATABASE_URL's server, else an embedded PostgreSQL). `npm test` holds every count at zero.
import { exampleOf } from '@ccsc/platform';
import { composeSupergraph } from './compose-supergraph';
import { graphqlDocumentationGaps, openApiDocumentationGaps } from './contract/documentation-gaps';
import { openApiOfFreshPlatform, type OpenApiDocument } from './contract/current-openapi';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const service = option('--service');
  const graphql = graphqlDocumentationGaps(await composeSupergraph()).filter((g) => !service || g.service === service);
  for (const gap of graphql) console.log(`graphql  ${gap.service.padEnd(12)} ${gap.element}`);
  console.log(`GraphQL elements without a description: ${graphql.length}`);
  if (process.argv.includes('--graphql')) return;

  const document = await openApiOfFreshPlatform(process.env.DATABASE_URL);
  const rest = openApiDocumentationGaps(document);
  const mine = (operation: string) => !service || operation.includes(`/api/v1/${service}`);
  for (const [kind, operations] of Object.entries(rest)) {
    const listed = operations.filter(mine);
    for (const operation of listed)
      console.log(
        `rest     ${kind.padEnd(22)} ${operation}${kind === 'withoutExamples' ? missingExamples(document, operation) : ''}`,
      );
    console.log(`Operations ${kind.replace(/[A-Z]/g, (c) => ' ' + c.toLowerCase())}: ${listed.length}`);
  }
}

/** The required properties without an example that keep an operation's bodies from having one. */
function missingExamples(document: OpenApiDocument, operation: string): string {
  const [method, path] = operation.split(' ');
  const op = document.paths[path]?.[method.toLowerCase()] as
    | {
        requestBody?: { content?: Record<string, { schema?: unknown }> };
        responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
      }
    | undefined;
  const schemas = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
  const media = [
    op?.requestBody,
    ...Object.entries(op?.responses ?? {})
      .filter(([s]) => s.startsWith('2'))
      .map(([, r]) => r),
  ].flatMap((holder) => Object.values(holder?.content ?? {}));
  const missing = new Set<string>();
  for (const { schema } of media) {
    const found: string[] = [];
    exampleOf(schema, schemas, new Set(), found);
    found.forEach((m) => missing.add(m));
  }
  return missing.size ? `: no example for ${[...missing].join(', ')}` : '';
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
