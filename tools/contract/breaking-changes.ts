// The one way to break a released contract: list the change, with its reason and the deprecation that
// announced it, in contracts/breaking-changes.json; the check refuses anything else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BreakingChange } from './contract-change';
import { BREAKING_CHANGES_FILE } from './contract-files';

/** A breaking change someone has decided to make, as listed in contracts/breaking-changes.json. */
export interface ListedChange {
  api: 'graphql' | 'rest';
  /** As the check names it: `Case.reference`, `GET /api/v1/cases/{id}`, `CaseModel.reference`. */
  change: string;
  /** Why it has to break. */
  reason: string;
  /**
   * A correction: the released document described what the API never did (a schema shown under another's
   * name, a field it never returned), so no client working against the API can depend on it, and it needs no
   * deprecation. The reason says how the document was wrong.
   */
  correction?: true;
  /** The day (YYYY-MM-DD) the release that announced the deprecation went out; not for a correction. */
  deprecatedOn?: string;
  /** How it was announced: the `@deprecated` reason, the route's Deprecation and Sunset, the note sent to partners. */
  deprecation?: string;
}

/** How long a deprecation is announced before the element goes (README, "Versioning"). */
export const MINIMUM_NOTICE_MONTHS = 6;

const FILE_NAME = 'contracts/breaking-changes.json';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The listed changes; a malformed entry fails with what is wrong with it. */
export function readListedChanges(file = BREAKING_CHANGES_FILE): ListedChange[] {
  const { changes } = JSON.parse(readFileSync(file, 'utf8')) as { changes?: unknown };
  if (!Array.isArray(changes)) throw new Error(`${path.basename(file)} has no "changes" list`);
  const problems = changes.flatMap((entry: Partial<ListedChange>, index) => {
    const name = `${path.basename(file)} entry ${index + 1} (${entry?.change ?? 'unnamed'})`;
    return [
      entry?.api === 'graphql' || entry?.api === 'rest' ? '' : `${name}: api must be "graphql" or "rest"`,
      typeof entry?.change === 'string' && entry.change.trim() ? '' : `${name}: change must name what changes`,
      typeof entry?.reason === 'string' && entry.reason.trim().length >= 20 ? '' : `${name}: reason must say why`,
      entry?.correction === undefined || entry.correction === true ? '' : `${name}: correction must be true or absent`,
      // The supergraph is built from the code, so it cannot describe what the API never did.
      entry?.correction && entry.api !== 'rest' ? `${name}: only a REST document can need a correction` : '',
      entry?.correction && (entry.deprecatedOn !== undefined || entry.deprecation !== undefined)
        ? `${name}: a correction is not a deprecation: give it no deprecatedOn or deprecation`
        : '',
      entry?.correction || isDay(entry?.deprecatedOn)
        ? ''
        : `${name}: deprecatedOn must be the day (YYYY-MM-DD) it was announced`,
      entry?.correction || (typeof entry?.deprecation === 'string' && entry.deprecation.trim())
        ? ''
        : `${name}: deprecation must say how it was announced`,
    ].filter(Boolean);
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return changes as ListedChange[];
}

export const addMonths = (day: string, months: number): string => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + months, date)).toISOString().slice(0, 10);
};

/**
 * Why the changes may not be released as they are, one message each, naming the field or operation: a
 * breaking change not listed, listed without the released contract marking it deprecated where it can, or
 * listed before its notice has run; and a listed change that breaks nothing (already released, or a typo).
 */
export function contractViolations(
  api: ListedChange['api'],
  changes: BreakingChange[],
  listed: ListedChange[],
  today: string,
): string[] {
  const entries = listed.filter((entry) => entry.api === api);
  const violations = changes.flatMap((change) => {
    const entry = entries.find((candidate) => candidate.change === change.change);
    if (!entry)
      return [
        `${change.message}. A breaking change to the released contract: keep it compatible, or list it in ${FILE_NAME} ` +
          `({"api": "${api}", "change": "${change.change}", "reason", "deprecatedOn", "deprecation"}) once a release has ` +
          `announced its deprecation at least ${MINIMUM_NOTICE_MONTHS} months before.`,
      ];
    if (entry.correction) return [];
    if (change.announced === false)
      return [
        `${change.message}. Listed in ${FILE_NAME}, but the released contract does not mark it deprecated: deprecate it ` +
          `first (@deprecated(reason:) in GraphQL, @Deprecated on a REST route, deprecated: true on a property), ` +
          `release that, and remove it at least ${MINIMUM_NOTICE_MONTHS} months later.`,
      ];
    const from = [addMonths(entry.deprecatedOn as string, MINIMUM_NOTICE_MONTHS), change.notBefore?.slice(0, 10) ?? '']
      .sort()
      .pop() as string;
    if (today < from)
      return [`${change.message}. Listed in ${FILE_NAME}, announced on ${entry.deprecatedOn}: not before ${from}.`];
    return [];
  });
  const stale = entries
    .filter((entry) => !changes.some((change) => change.change === entry.change))
    .map(
      (entry) =>
        `${FILE_NAME} lists ${api} change "${entry.change}", which breaks nothing against the released contract ` +
        `(released already? \`npm run contract:release\` moves what it releases out of the list).`,
    );
  return [...violations, ...stale];
}
