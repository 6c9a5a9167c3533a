import * as search from '../src/search/infrastructure/case-search.repository';

// The search statements in node-postgres form, for what reads them as text: their EXPLAIN plans
// here and in bench/case-search.bench.ts.

export type SqlStatement = { text: string; values: unknown[] };

export const caseSearchSql = (...args: Parameters<typeof search.caseSearchSql>): SqlStatement =>
  search.caseSearchSql(...args).toQuery();

export const matchedPartiesSql = (...args: Parameters<typeof search.matchedPartiesSql>): SqlStatement =>
  search.matchedPartiesSql(...args).toQuery();
