import path from 'node:path';
import { REPO_ROOT } from '../repo-root';

/** The contract partners and frontends last received, and what this tree may break of it. */
export const CONTRACTS_DIR = path.join(REPO_ROOT, 'contracts');
export const RELEASED_SUPERGRAPH_FILE = path.join(CONTRACTS_DIR, 'released', 'supergraph.graphql');
export const RELEASED_OPENAPI_FILE = path.join(CONTRACTS_DIR, 'released', 'openapi.json');
/** What the last release broke, with the deprecations that announced it: written by the release, read by people. */
export const RELEASE_NOTE_FILE = path.join(CONTRACTS_DIR, 'released', 'release.json');
export const BREAKING_CHANGES_FILE = path.join(CONTRACTS_DIR, 'breaking-changes.json');
/** The supergraph of this tree, as `npm run compose` writes it. */
export const CURRENT_SUPERGRAPH_FILE = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
