// Timing the search benchmarks (case-search, enquiry-search, complaint-search): how a batch of searches is
// timed, where the figures were taken, and for the officer searches of issue 24 (enquiries, complaints)
// the whole measuring loop and its report. Those two differ only in what they search and through which
// service, so they time, count and report alike here and their tables line up in docs/benchmarks.md.
import { loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import type { Principal } from '@ccsc/auth';
import { log, percentile, timed } from './harness';
import { markdownTable } from './report';
import type { Step } from './search-population';

/** Searches of each kind run, untimed, before its timed ones: every figure is of a warm cache. */
export const WARMUP = 20;
/** A page of results, as the search screens ask for. */
export const PAGE = 20;
/** The issue's target for the officer searches by reference and by name. */
export const TARGET_P95_MS = 50;

export interface Timing {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Rows found per search, on average. */
  rows: number;
  totalRows: number;
  /** All the searches' times added up, in the order they ran. */
  totalMs: number;
}

/** Runs `run` on each input one at a time; `run` answers how many rows it found. */
export async function measure<T>(inputs: readonly T[], run: (input: T) => Promise<number>): Promise<Timing> {
  const times: number[] = [];
  let rows = 0;
  for (const input of inputs) {
    const [count, ms] = await timed(() => run(input));
    times.push(ms);
    rows += count;
  }
  const totalMs = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? Number.NaN,
    rows: rows / Math.max(1, inputs.length),
    totalRows: rows,
    totalMs,
  };
}

export const ms2 = (n: number) => n.toFixed(1);
export const verdict = (p95: number) => (p95 <= TARGET_P95_MS ? 'yes' : 'NO');

/** A statement as the search repositories build it and node-postgres runs it. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** One EXPLAIN (ANALYZE, BUFFERS) of a statement, as a labelled code block of the report. */
export async function explainAnalyze(
  dataSource: DataSource,
  label: string,
  { text, values }: Statement,
): Promise<string> {
  const plan = (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)) as { 'QUERY PLAN': string }[];
  return `${label}\n\n\`\`\`\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\``;
}

/** How many records the collecting statement of a search repository matched (it counts up to its cap). */
export async function matchedCount(dataSource: DataSource, { text, values }: Statement): Promise<number> {
  const [first] = (await dataSource.query(text, values)) as { matched: number }[];
  return first?.matched ?? 0;
}

/**
 * The plans of the statements a search repository runs, in order. Each search repository first collects
 * the records matching a name (`matched` of them, undefined when the search names nobody and that
 * statement does not run), and walks the records in page order instead when it collected `cap`.
 */
export async function explainSearch(
  dataSource: DataSource,
  matched: number | undefined,
  cap: number,
  collect: (matched: number) => [label: string, statement: Statement],
  walk: [label: string, statement: Statement],
): Promise<string[]> {
  const plans: string[] = [];
  if (matched !== undefined) plans.push(await explainAnalyze(dataSource, ...collect(matched)));
  if (matched === undefined || matched >= cap) plans.push(await explainAnalyze(dataSource, ...walk));
  return plans;
}

export interface DatabaseFacts {
  settings?: { version: string; buffers: string };
  sizes: { relation: string; size: string }[];
}

/** The server's version and cache, and the size of `tables` and their indexes: the figures depend on them. */
export async function databaseFacts(dataSource: DataSource, tables: readonly string[]): Promise<DatabaseFacts> {
  const [settings] = (await dataSource.query(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS buffers`,
  )) as { version: string; buffers: string }[];
  const sizes = (await dataSource.query(
    `SELECT c.relname AS relation, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c
     WHERE c.relname = ANY($1::text[])
        OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = ANY($1::text[]::regclass[]))
     ORDER BY c.relname`,
    [tables],
  )) as { relation: string; size: string }[];
  return { settings, sizes };
}

export const stepsTable = (steps: readonly Step[]) =>
  markdownTable(
    ['Step', 'Time'],
    steps.map((s) => [s.step, `${(s.ms / 1000).toFixed(1)} s`]),
  );

export const sizesTable = (sizes: DatabaseFacts['sizes']) =>
  markdownTable(
    ['Relation', 'Size'],
    sizes.map((s) => [s.relation, s.size]),
  );

// ---------------------------------------------------------------------------------------------
// The officer searches (enquiries, complaints)

export interface SearchKind<C> {
  name: string;
  /** Held to the issue's 50 ms p95. */
  target: boolean;
  make: () => C;
}

/** What one officer search benchmark times: everything else is the same for enquiries and complaints. */
export interface OfficerSearch<C> {
  /** The module's name, for the log. */
  bench: string;
  /** What each verdict line starts with: "enquiry search". */
  subject: string;
  /** Who searches, for every search. */
  staff: Principal;
  kinds: readonly SearchKind<C>[];
  /** Searches of each kind. */
  queries: number;
  /** The whole application query; answers the rows on the page. */
  viaService: (criteria: C) => Promise<number>;
  /** The search repository alone; answers the rows on the page. */
  viaSql: (criteria: C) => Promise<number>;
  /** Records the first statement matched (up to `cap`), or undefined when it does not run. */
  matched: (criteria: C) => Promise<number | undefined>;
  /** How many matches make the repository walk the records instead. */
  cap: number;
  /** One EXPLAIN (ANALYZE, BUFFERS) of each statement the repository runs for these criteria. */
  explain: (criteria: C) => Promise<string[]>;
}

export interface OfficerSearchFigures {
  rows: string[][];
  verdicts: string[];
  plans: string[];
  loadAtStart: number;
}

/** Times each kind of search at the service and in SQL, counts which way the repository went, explains one. */
export async function timeOfficerSearches<C>(search: OfficerSearch<C>): Promise<OfficerSearchFigures> {
  const rows: string[][] = [];
  const plans: string[] = [];
  const verdicts: string[] = [];
  const loadAtStart = loadavg()[0] ?? 0;
  for (const kind of search.kinds) {
    log(search.bench, `searching by ${kind.name}…`);
    const inputs = Array.from({ length: search.queries }, () => kind.make());
    for (const criteria of inputs.slice(0, WARMUP)) await search.viaService(criteria);
    const service = await measure(inputs, search.viaService);
    const sql = await measure(inputs, search.viaSql);
    // Which way the repository went, counted apart from the timings.
    const matches: number[] = [];
    for (const criteria of inputs) {
      const matched = await search.matched(criteria);
      if (matched !== undefined) matches.push(matched);
    }
    matches.sort((a, b) => a - b);
    const ok = verdict(service.p95);
    rows.push([
      kind.name,
      String(inputs.length),
      ms2(service.p50),
      ms2(service.p95),
      ms2(service.max),
      ms2(sql.p50),
      ms2(sql.p95),
      service.rows.toFixed(1),
      matches.length === 0 ? '-' : `${percentile(matches, 50)} / ${matches.filter((m) => m >= search.cap).length}`,
      kind.target ? ok : `(${ok})`,
    ]);
    const line = `${search.subject} by ${kind.name}: p50 ${ms2(service.p50)} ms, p95 ${ms2(service.p95)} ms, max ${ms2(service.max)} ms${
      kind.target ? ` — p95 <= ${TARGET_P95_MS} ms: ${ok}` : ''
    }`;
    console.log(line);
    verdicts.push(`- ${line}`);
    const example = kind.make();
    plans.push(
      `### ${kind.name}\n\n${JSON.stringify(example)}, as ${search.staff.roles.join(', ')}.\n`,
      ...(await search.explain(example)),
    );
  }
  return { rows, verdicts, plans, loadAtStart };
}

/** The report of an officer search benchmark; `intro` says what was generated and how it was searched. */
export function officerSearchReport(report: {
  intro: string;
  figures: OfficerSearchFigures;
  steps: readonly Step[];
  sizes: DatabaseFacts['sizes'];
  /** The heading of the column of matches counted and searches that walked. */
  matchedColumn: string;
}): string {
  const { figures } = report;
  return [
    report.intro,
    '',
    ...figures.verdicts,
    '',
    // Other work on the machine moves every figure: a run under load is to be taken again.
    `Load average (1 min) when the searches started: ${figures.loadAtStart.toFixed(2)}, when they ended: ${(loadavg()[0] ?? 0).toFixed(2)}.`,
    '',
    stepsTable(report.steps),
    '',
    sizesTable(report.sizes),
    '',
    markdownTable(
      [
        'Search',
        'n',
        'service p50 ms',
        'service p95 ms',
        'service max ms',
        'SQL p50 ms',
        'SQL p95 ms',
        'rows/page',
        report.matchedColumn,
        `p95 <= ${TARGET_P95_MS} ms`,
      ],
      figures.rows,
    ),
    '',
    'One EXPLAIN (ANALYZE, BUFFERS) of each kind, with fresh criteria, of each statement the repository runs for it:',
    '',
    ...figures.plans,
  ].join('\n');
}
