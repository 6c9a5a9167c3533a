import type { CaseAccess } from '../domain/case-access';

/** Adds a value to the statement being built and returns its placeholder. */
export type Bind = (value: unknown) => string;

/**
 * The SQL condition of CaseAccess on the cases row aliased `c`; undefined when there is no limit.
 * It is canSeeCase in SQL, for lists and searches: the two must change together.
 */
export function caseAccessCondition(access: CaseAccess, bind: Bind): string | undefined {
  switch (access.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return `EXISTS (SELECT 1 FROM case_parties ap WHERE ap.case_id = c.id AND ap.represented_by = ${bind(access.organisationId)})`;
    case 'user':
      return `EXISTS (SELECT 1 FROM case_parties ap WHERE ap.case_id = c.id AND ap.user_id = ${bind(access.userId)})`;
    case 'none':
      return 'false';
  }
}
