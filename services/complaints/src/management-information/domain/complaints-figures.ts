import type { MiFigure } from '@ccsc/management-information';
import { perBucket, type MiPeriod } from '@ccsc/management-information/period';
import { BadUserInputError } from '@ccsc/platform/errors';

/**
 * The complaints section of the management information: the same definitions as the complaint
 * figures (src/mi): a complaint is received when its stage 1 starts, a stage is answered when its
 * response is sent and on time when that is by its deadline, and upheld counts partially upheld too.
 */

/** Stage figures of one bucket and stage, as counted by the database. */
export interface StageCounts {
  bucket: string;
  stage: number;
  /** Stages that started: new complaints at stage 1, escalations at 2 and 3. */
  received: number;
  answered: number;
  answeredOnTime: number;
}

/** Complaints closed in the whole period with one root cause (business area and cause category). */
export interface ClosureCounts {
  businessArea: string;
  cause: string;
  closed: number;
  /** Upheld or partially upheld. */
  upheld: number;
}

export interface ComplaintsPeriodFigures {
  start: string;
  received: number;
  answered: number;
  answeredOnTime: number;
}

export interface ComplaintsFigures {
  received: number;
  answered: number;
  answeredOnTime: number;
  closed: number;
  upheld: number;
  /** Complaints received per thousand cases issued in the period; null when no case was issued or not known. */
  perThousandCases: number | null;
  byBusinessArea: { businessArea: string; closed: number; upheld: number }[];
  byCause: { cause: string; closed: number; upheld: number }[];
  periods: ComplaintsPeriodFigures[];
}

/**
 * The cases issued in the period, from what the section `@requires` (`cases { issued }`) as the
 * gateway passes it; undefined when it was not asked (CSV export, metrics) or the cases section had no
 * answer. A subgraph can be called directly with any representation, so a wrong one is the caller's error.
 */
export function casesIssuedOf(required: Record<string, unknown> | undefined): number | undefined {
  const cases = required?.['cases'];
  if (cases === undefined || cases === null) return undefined;
  const issued =
    typeof cases === 'object' && !Array.isArray(cases) ? (cases as { issued?: unknown }).issued : undefined;
  if (issued === null) return undefined;
  if (typeof issued !== 'number' || !Number.isSafeInteger(issued) || issued < 0)
    throw new BadUserInputError('Invalid ManagementInformation representation', [
      { field: 'cases.issued', message: 'must be a whole number of cases, zero or more' },
    ]);
  return issued;
}

/** Null rather than a division by zero: with no case issued there is nothing to compare with. */
export function perThousandCases(received: number, casesIssued: number | undefined): number | null {
  return casesIssued ? (received * 1000) / casesIssued : null;
}

function sum<T>(rows: readonly T[], of: (row: T) => number): number {
  return rows.reduce((total, row) => total + of(row), 0);
}

/** Closures added up by one side of their root cause, in name order. */
function totalsBy(
  closures: readonly ClosureCounts[],
  nameOf: (row: ClosureCounts) => string,
): [string, { closed: number; upheld: number }][] {
  const totals = new Map<string, { closed: number; upheld: number }>();
  for (const row of closures) {
    const total = totals.get(nameOf(row)) ?? { closed: 0, upheld: 0 };
    totals.set(nameOf(row), { closed: total.closed + row.closed, upheld: total.upheld + row.upheld });
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function complaintsFigures(
  period: MiPeriod,
  stages: readonly StageCounts[],
  closures: readonly ClosureCounts[],
  casesIssued?: number,
): ComplaintsFigures {
  const periods = perBucket(period, stages, (rows) => ({
    // Escalations start stages 2 and 3 of complaints received before: only stage 1 is a new complaint.
    received: sum(
      rows.filter((r) => r.stage === 1),
      (r) => r.received,
    ),
    answered: sum(rows, (r) => r.answered),
    answeredOnTime: sum(rows, (r) => r.answeredOnTime),
  }));
  const received = sum(periods, (p) => p.received);
  return {
    received,
    answered: sum(periods, (p) => p.answered),
    answeredOnTime: sum(periods, (p) => p.answeredOnTime),
    closed: sum(closures, (c) => c.closed),
    upheld: sum(closures, (c) => c.upheld),
    perThousandCases: perThousandCases(received, casesIssued),
    byBusinessArea: totalsBy(closures, (c) => c.businessArea).map(([businessArea, t]) => ({ businessArea, ...t })),
    byCause: totalsBy(closures, (c) => c.cause).map(([cause, t]) => ({ cause, ...t })),
    periods,
  };
}

/**
 * The long format of the CSV export and the metrics: received, answered and answered on time for each
 * bucket and the total; closed and upheld for the total, and by `business_area=` and `cause=`; and
 * per thousand cases when the cases issued were known (never on the export, which asks no other service).
 */
export function figuresAsRows(figures: ComplaintsFigures): MiFigure[] {
  const flow = (bucket: string, f: Omit<ComplaintsPeriodFigures, 'start'>): MiFigure[] => [
    { bucket, measure: 'received', value: f.received },
    { bucket, measure: 'answered', value: f.answered },
    { bucket, measure: 'answered_on_time', value: f.answeredOnTime },
  ];
  const closures = (dimension: string | undefined, f: { closed: number; upheld: number }): MiFigure[] => [
    { bucket: 'total', measure: 'closed', ...(dimension ? { dimension } : {}), value: f.closed },
    { bucket: 'total', measure: 'upheld', ...(dimension ? { dimension } : {}), value: f.upheld },
  ];
  return [
    ...figures.periods.flatMap((p) => flow(p.start, p)),
    ...flow('total', figures),
    ...closures(undefined, figures),
    ...(figures.perThousandCases === null
      ? []
      : [{ bucket: 'total', measure: 'per_thousand_cases', value: figures.perThousandCases }]),
    ...figures.byBusinessArea.flatMap((a) => closures(`business_area=${a.businessArea}`, a)),
    ...figures.byCause.flatMap((c) => closures(`cause=${c.cause}`, c)),
  ];
}
