import { stringify } from 'csv-stringify/sync';

/**
 * One figure of a section, in the one long format every section exports and every metric is made of:
 * a spreadsheet pivots it, and Grafana reads the same measures (`mi-metrics.ts`).
 */
export interface MiFigure {
  /** The bucket's first day (YYYY-MM-DD), or `total` for the whole period. */
  bucket: string;
  /** What is counted or summed, in snake_case: `issued`, `answered_on_time`, `collected_pence`. */
  measure: string;
  /** What it is broken down by, `by=value` (`channel=phone`, `case_type=divorce`), or empty. */
  dimension?: string;
  value: number;
}

export const MI_CSV_COLUMNS = [
  'section',
  'from',
  'to',
  'granularity',
  'bucket',
  'measure',
  'dimension',
  'value',
] as const;

/** A spreadsheet runs a cell that starts with = + - @ as a formula: such a value is quoted as text. */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function miCsv(
  section: string,
  period: { from: string; to: string; granularity: string },
  figures: readonly MiFigure[],
): string {
  return stringify(
    figures.map((f) => [
      section,
      period.from,
      period.to,
      period.granularity,
      f.bucket,
      f.measure,
      cell(f.dimension ?? ''),
      f.value,
    ]),
    { header: true, columns: [...MI_CSV_COLUMNS] },
  );
}
