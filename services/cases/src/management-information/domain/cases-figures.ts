import type { MiFigure } from '@ccsc/management-information';
import { perBucket, type MiPeriod } from '@ccsc/management-information/period';

/**
 * The event that issues a case, in the case types that issue one (civil money claims, divorce): the court
 * accepting a submitted case and starting its process. Other case types have no such step, so their cases
 * are never counted as issued, only as progressed and closed.
 */
export const ISSUE_EVENT = 'issue';

/** A state in which a case of that type is finished (`CaseTypeDefinition.finalStates`). */
export interface FinalState {
  caseType: string;
  state: string;
}

/** What happened to cases in a stretch of time: the changes of state the service recorded, by kind. */
export interface CaseMoves {
  issued: number;
  progressed: number;
  closed: number;
}

export interface CasesByType extends CaseMoves {
  caseType: string;
  medianDaysToIssue: number | null;
}

export interface CasesPeriod extends CaseMoves {
  /** The bucket's first day within the period (YYYY-MM-DD). */
  start: string;
}

/** The cases section of the management information. */
export interface CasesFigures extends CaseMoves {
  medianDaysToIssue: number | null;
  byCaseType: CasesByType[];
  periods: CasesPeriod[];
}

/**
 * One grouping of the period's changes of state as the database adds them up (GROUPING SETS): per bucket
 * (`caseType` null), per case type (`bucket` null), and the whole period (both null). Neither column is
 * ever null in the data, so a null says which grouping the row is.
 */
export interface CaseMovesRow extends CaseMoves {
  bucket: string | null;
  caseType: string | null;
  medianDaysToIssue: number | null;
}

const NONE: CaseMoves = { issued: 0, progressed: 0, closed: 0 };

function movesOf(row: CaseMoves | undefined): CaseMoves {
  const { issued, progressed, closed } = row ?? NONE;
  return { issued, progressed, closed };
}

const active = (m: CaseMoves) => m.issued + m.progressed + m.closed > 0;

export function casesFiguresOf(period: MiPeriod, rows: readonly CaseMovesRow[]): CasesFigures {
  const whole = rows.find((r) => r.bucket === null && r.caseType === null);
  const byCaseType = rows
    .filter((r): r is CaseMovesRow & { caseType: string } => r.bucket === null && r.caseType !== null)
    .filter(active)
    .map((r) => ({ caseType: r.caseType, ...movesOf(r), medianDaysToIssue: r.medianDaysToIssue }))
    // Code-point order, not the database's collation: the same order whatever the server's locale.
    .sort((a, b) => (a.caseType < b.caseType ? -1 : a.caseType > b.caseType ? 1 : 0));
  const periods = perBucket(
    period,
    rows.filter((r): r is CaseMovesRow & { bucket: string } => r.bucket !== null && r.caseType === null),
    (inBucket) => movesOf(inBucket[0]),
  );
  return { ...movesOf(whole), medianDaysToIssue: whole?.medianDaysToIssue ?? null, byCaseType, periods };
}

function movesAsRows(moves: CaseMoves, bucket: string, dimension?: string): MiFigure[] {
  const at = dimension === undefined ? {} : { dimension };
  return [
    { bucket, measure: 'issued', ...at, value: moves.issued },
    { bucket, measure: 'progressed', ...at, value: moves.progressed },
    { bucket, measure: 'closed', ...at, value: moves.closed },
  ];
}

function medianAsRows(median: number | null, dimension?: string): MiFigure[] {
  // No case issued, no median: an absent figure, not a zero a spreadsheet would average in.
  if (median === null) return [];
  return [{ bucket: 'total', measure: 'median_days_to_issue', ...(dimension ? { dimension } : {}), value: median }];
}

/** The long format: each bucket's counts, then the whole period's with its median, then each case type's. */
export function figuresAsRows(figures: CasesFigures): MiFigure[] {
  return [
    ...figures.periods.flatMap((p) => movesAsRows(p, p.start)),
    ...movesAsRows(figures, 'total'),
    ...medianAsRows(figures.medianDaysToIssue),
    ...figures.byCaseType.flatMap((t) => {
      const dimension = `case_type=${t.caseType}`;
      return [...movesAsRows(t, 'total', dimension), ...medianAsRows(t.medianDaysToIssue, dimension)];
    }),
  ];
}
