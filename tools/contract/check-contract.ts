import { readFileSync } from 'node:fs';
import { contractViolations, readListedChanges } from './breaking-changes';
import { CURRENT_SUPERGRAPH_FILE, RELEASED_OPENAPI_FILE, RELEASED_SUPERGRAPH_FILE } from './contract-files';
import { graphqlChanges } from './graphql-changes';
import { openApiBreakingChanges } from './openapi-changes';

const today = () => new Date().toISOString().slice(0, 10);

/** Fails with one line per violation, each naming the field or operation, when there is any. */
export function assertNoViolations(violations: string[]): void {
  if (violations.length)
    throw new Error(
      `The contract breaks what was released (contracts/released/):\n${violations.map((v) => `  - ${v}`).join('\n')}`,
    );
}

/** The committed supergraph against the released one; the dangerous changes are for the log. */
export async function checkGraphQLContract(
  currentSupergraph = readFileSync(CURRENT_SUPERGRAPH_FILE, 'utf8'),
): Promise<{ violations: string[]; dangerous: string[] }> {
  const { breaking, dangerous } = await graphqlChanges(
    readFileSync(RELEASED_SUPERGRAPH_FILE, 'utf8'),
    currentSupergraph,
  );
  return { violations: contractViolations('graphql', breaking, readListedChanges(), today()), dangerous };
}

/** The merged OpenAPI document the gateway serves against the released one. */
export function checkRestContract(currentOpenApi: Record<string, unknown>): string[] {
  const released = JSON.parse(readFileSync(RELEASED_OPENAPI_FILE, 'utf8')) as Record<string, unknown>;
  return contractViolations('rest', openApiBreakingChanges(released, currentOpenApi), readListedChanges(), today());
}
