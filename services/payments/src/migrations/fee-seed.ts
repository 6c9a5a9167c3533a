import type { FeeVersion } from '../fee/domain/fee';

type Seed = Omit<FeeVersion, 'status' | 'proposedBy' | 'approvedBy'>;

const MONEY_CLAIM_ISSUE_BANDS = [
  { upToPence: 30_000, amountPence: 3_500 },
  { upToPence: 50_000, amountPence: 5_000 },
  { upToPence: 100_000, amountPence: 7_000 },
  { upToPence: 150_000, amountPence: 8_000 },
  { upToPence: 300_000, amountPence: 11_500 },
  { upToPence: 500_000, amountPence: 20_500 },
  { upToPence: 1_000_000, amountPence: 45_500 },
  { upToPence: 20_000_000, basisPoints: 500 },
  { upToPence: null, amountPence: 1_000_000 },
];

const MONEY_CLAIM_HEARING_BANDS = [
  { upToPence: 30_000, amountPence: 2_700 },
  { upToPence: 50_000, amountPence: 5_900 },
  { upToPence: 100_000, amountPence: 8_500 },
  { upToPence: 150_000, amountPence: 12_300 },
  { upToPence: 300_000, amountPence: 18_100 },
  { upToPence: null, amountPence: 34_600 },
];

/**
 * The fees register as first loaded: the fees the case types make due (FEE0202, FEE0221, FEE0002,
 * FEE0226, FEE0440) and a realistic spread of issue, hearing, appeal and enforcement fees across
 * civil, family, tribunal and probate. Amounts in pence, as published in the civil and family
 * court fees orders of the time; later changes go through a proposed version and its approval.
 */
export const FEE_SEED: Seed[] = [
  { code: 'FEE0202', version: 1, description: 'Money claim: issue, by claim amount', service: 'civil-money-claims', jurisdiction: 'civil', channel: 'default', event: 'issue', amount: { type: 'banded', bands: MONEY_CLAIM_ISSUE_BANDS }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0221', version: 1, description: 'Money claim: hearing, by claim amount', service: 'civil-money-claims', jurisdiction: 'civil', channel: 'default', event: 'hearing', amount: { type: 'banded', bands: MONEY_CLAIM_HEARING_BANDS }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0205', version: 1, description: 'Counterclaim over 10,000 GBP: 5% of its value', service: 'civil-money-claims', jurisdiction: 'civil', channel: 'default', event: 'issue', amount: { type: 'percentage', basisPoints: 500, minPence: 45_500, maxPence: 1_000_000 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0209', version: 1, description: 'Appeal notice in the county court', service: 'civil-money-claims', jurisdiction: 'civil', channel: 'default', event: 'appeal', amount: { type: 'flat', amountPence: 16_300 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0011', version: 1, description: 'Warrant of control', service: 'civil-enforcement', jurisdiction: 'civil', channel: 'default', event: 'enforcement', amount: { type: 'flat', amountPence: 8_300 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0031', version: 1, description: 'Attachment of earnings order', service: 'civil-enforcement', jurisdiction: 'civil', channel: 'default', event: 'enforcement', amount: { type: 'flat', amountPence: 13_000 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0002', version: 1, description: 'Divorce or dissolution application', service: 'divorce', jurisdiction: 'family', channel: 'default', event: 'issue', amount: { type: 'flat', amountPence: 59_300 }, validFrom: '2021-09-30', validTo: '2024-04-11' },
  { code: 'FEE0002', version: 2, description: 'Divorce or dissolution application', service: 'divorce', jurisdiction: 'family', channel: 'default', event: 'issue', amount: { type: 'flat', amountPence: 61_200 }, validFrom: '2024-04-11', validTo: null },
  { code: 'FEE0228', version: 1, description: 'Financial remedy by consent', service: 'financial-remedy', jurisdiction: 'family', channel: 'default', event: 'application', amount: { type: 'flat', amountPence: 5_300 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0229', version: 1, description: 'Family appeal to a circuit judge', service: 'family-appeals', jurisdiction: 'family', channel: 'default', event: 'appeal', amount: { type: 'flat', amountPence: 14_000 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0226', version: 1, description: 'Probate application, estate over 5,000 GBP', service: 'probate', jurisdiction: 'probate', channel: 'default', event: 'issue', amount: { type: 'flat', amountPence: 30_000 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0003', version: 1, description: 'Probate: copy of the grant', service: 'probate', jurisdiction: 'probate', channel: 'default', event: 'general', amount: { type: 'flat', amountPence: 150 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0238', version: 1, description: 'Immigration and asylum appeal with a hearing', service: 'immigration-appeals', jurisdiction: 'tribunal', channel: 'default', event: 'appeal', amount: { type: 'flat', amountPence: 14_000 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0239', version: 1, description: 'Immigration and asylum appeal on the papers', service: 'immigration-appeals', jurisdiction: 'tribunal', channel: 'online', event: 'appeal', amount: { type: 'flat', amountPence: 8_000 }, validFrom: '2021-09-30', validTo: null },
  { code: 'FEE0440', version: 1, description: 'Lasting power of attorney: registration', service: 'lasting-power-of-attorney', jurisdiction: 'court-of-protection', channel: 'default', event: 'application', amount: { type: 'flat', amountPence: 8_200 }, validFrom: '2023-11-17', validTo: null },
];
