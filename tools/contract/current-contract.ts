// The contract of this tree, as files: the merged OpenAPI document the gateway serves (contracts/current/), and
// the typed clients our own end-to-end tests call the platform through, generated from it and from the
// supergraph's API schema (e2e/generated/, by ./typed-clients.ts). `npm run contract:current` writes them; the e2e
// suite fails when the committed document is not what the gateway serves, and a unit test when a client is stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../repo-root';
import { CONTRACTS_DIR } from './contract-files';

export const CURRENT_OPENAPI_FILE = path.join(CONTRACTS_DIR, 'current', 'openapi.json');
export const GENERATED_DIR = path.join(REPO_ROOT, 'e2e', 'generated');
export const REST_CLIENT_TYPES_FILE = path.join(GENERATED_DIR, 'openapi.ts');
export const GRAPHQL_CLIENT_DIR = path.join(GENERATED_DIR, 'graphql');

/** The committed OpenAPI document of this tree. */
export const readCurrentOpenApi = (): Record<string, unknown> =>
  JSON.parse(readFileSync(CURRENT_OPENAPI_FILE, 'utf8')) as Record<string, unknown>;
