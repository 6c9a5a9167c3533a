import type { LocalDate } from '@ccsc/calendar';
import type { MiFigure } from '@ccsc/management-information';
import { perBucket, type MiPeriod } from '@ccsc/management-information/period';
import { collectionRate, ratePercent } from '../../mi/domain/collection-rate';

/**
 * The fines section of the management information: what happened to fine accounts in a period (flows),
 * where the service's other MI (mi/) is the state of the whole book on a day. Each flow is counted in the
 * period its act was recorded, so a period's figures, once it is past, never change.
 */

/** What happened in one business unit and bucket, as the database grouped it. */
export interface FinesFlowRow {
  businessUnit: string;
  /** The bucket's label (`MiBucket.start`). */
  bucket: string;
  accountsOpened: number;
  imposedPence: number;
  /** Payments applied less payments taken back: may be below zero. */
  collectedPence: number;
  writtenOffPence: number;
}

export interface FinesFlows {
  accountsOpened: number;
  imposedPence: number;
  collectedPence: number;
  writtenOffPence: number;
  /** collected / imposed of the same flows, as a percentage; null when nothing was imposed. */
  collectionRatePercent: number | null;
}

export interface FinesByUnit {
  businessUnit: string;
  imposedPence: number;
  collectedPence: number;
  writtenOffPence: number;
}

export interface FinesFigures extends FinesFlows {
  /** Every unit with anything recorded in the period, by unit (character by character, whatever the database's collation). */
  byBusinessUnit: FinesByUnit[];
  /** Every bucket of the period, a quiet one as zeros. */
  periods: (FinesFlows & { start: LocalDate })[];
}

function flowsOf(rows: readonly FinesFlowRow[]): FinesFlows {
  const sum = (pick: (r: FinesFlowRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const imposedPence = sum((r) => r.imposedPence);
  const collectedPence = sum((r) => r.collectedPence);
  const rate = collectionRate(collectedPence, imposedPence);
  return {
    accountsOpened: sum((r) => r.accountsOpened),
    imposedPence,
    collectedPence,
    writtenOffPence: sum((r) => r.writtenOffPence),
    collectionRatePercent: rate === undefined ? null : ratePercent(rate),
  };
}

/** The section's figures from the rows grouped by unit and bucket. */
export function finesFiguresOf(period: MiPeriod, rows: readonly FinesFlowRow[]): FinesFigures {
  const units = [...new Set(rows.map((r) => r.businessUnit))].sort();
  return {
    ...flowsOf(rows),
    byBusinessUnit: units.map((businessUnit) => {
      const { imposedPence, collectedPence, writtenOffPence } = flowsOf(
        rows.filter((r) => r.businessUnit === businessUnit),
      );
      return { businessUnit, imposedPence, collectedPence, writtenOffPence };
    }),
    periods: perBucket(period, rows, flowsOf),
  };
}

function flowRows(bucket: string, flows: FinesFlows): MiFigure[] {
  return [
    { bucket, measure: 'accounts_opened', value: flows.accountsOpened },
    { bucket, measure: 'imposed_pence', value: flows.imposedPence },
    { bucket, measure: 'collected_pence', value: flows.collectedPence },
    { bucket, measure: 'written_off_pence', value: flows.writtenOffPence },
    ...(flows.collectionRatePercent === null
      ? []
      : [{ bucket, measure: 'collection_rate_percent', value: flows.collectionRatePercent }]),
  ];
}

/**
 * The long format: every measure of each bucket, then of the whole period (`total`), then the whole
 * period's money by business unit (`business_unit=…`). A rate is left out where nothing was imposed,
 * rather than shown as a zero it is not.
 */
export function finesFiguresAsRows(figures: FinesFigures): MiFigure[] {
  return [
    ...figures.periods.flatMap((p) => flowRows(p.start, p)),
    ...flowRows('total', figures),
    ...figures.byBusinessUnit.flatMap((u) => {
      const dimension = `business_unit=${u.businessUnit}`;
      return [
        { bucket: 'total', measure: 'imposed_pence', dimension, value: u.imposedPence },
        { bucket: 'total', measure: 'collected_pence', dimension, value: u.collectedPence },
        { bucket: 'total', measure: 'written_off_pence', dimension, value: u.writtenOffPence },
      ];
    }),
  ];
}
