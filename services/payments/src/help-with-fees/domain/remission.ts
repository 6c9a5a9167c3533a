import { assertSecondPerson } from '@ccsc/auth/four-eyes';
import { BadUserInputError, ConflictError, FieldError } from '@ccsc/platform/errors';
import { present } from '../../ledger/domain/present';

/**
 * The Help with Fees rules (the numbers from the domain guide, all configurable). Monthly gross
 * income above the applicant's threshold is charged in three slices of 1,000 GBP at rising rates;
 * above the last slice nothing is remitted. Savings are tested first, against a limit that grows
 * with the fee.
 */
export interface RemissionRules {
  /** A single applicant's monthly income threshold. */
  baseThresholdPence: number;
  /** Added for a partner. */
  couplePremiumPence: number;
  /** Added per child, by age band: the first band whose `maxAge` (inclusive) covers the child. */
  childPremiums: { maxAge: number; premiumPence: number }[];
  /** Slices of income above the threshold and the share of each the applicant pays, in basis points. */
  contributionSlices: { widthPence: number; basisPoints: number }[];
  /** Savings limits by fee: the first row whose `feeUpToPence` covers the fee (null: any fee). */
  savingsLimits: { feeUpToPence: number | null; limitPence: number | 'three-times-fee' }[];
  /** From this age the savings limit is the top one, whatever the fee. */
  pensionAge: number;
}

export const DEFAULT_REMISSION_RULES: RemissionRules = {
  baseThresholdPence: 142_000,
  couplePremiumPence: 71_000,
  childPremiums: [
    { maxAge: 13, premiumPence: 42_500 },
    { maxAge: 19, premiumPence: 71_000 },
  ],
  contributionSlices: [
    { widthPence: 100_000, basisPoints: 5_000 },
    { widthPence: 100_000, basisPoints: 7_000 },
    { widthPence: 100_000, basisPoints: 9_000 },
  ],
  savingsLimits: [
    { feeUpToPence: 142_000, limitPence: 425_000 },
    { feeUpToPence: 500_000, limitPence: 'three-times-fee' },
    { feeUpToPence: null, limitPence: 1_600_000 },
  ],
  pensionAge: 66,
};

export interface RemissionApplicant {
  monthlyIncomePence: number;
  couple: boolean;
  /** Ages of the children the applicant supports financially. */
  childrenAges: number[];
  savingsPence: number;
  /** The applicant's (or the older partner's) age, for the savings test. */
  age: number;
}

export type RemissionOutcome = 'full' | 'part' | 'none';

export interface RemissionDecision {
  outcome: RemissionOutcome;
  feePence: number;
  /** What the applicant pays towards the fee. */
  contributionPence: number;
  /** What is remitted: the fee less the contribution. */
  remittedPence: number;
  thresholdPence: number;
  savingsLimitPence: number;
  reason: 'savings-above-limit' | 'income-above-limit' | 'income-assessed';
}

export function savingsLimit(feePence: number, age: number, rules: RemissionRules = DEFAULT_REMISSION_RULES): number {
  const top = present(rules.savingsLimits[rules.savingsLimits.length - 1]);
  const row =
    age >= rules.pensionAge
      ? top
      : (rules.savingsLimits.find((r) => r.feeUpToPence === null || feePence <= r.feeUpToPence) ?? top);
  return row.limitPence === 'three-times-fee' ? feePence * 3 : row.limitPence;
}

export function incomeThreshold(
  applicant: Pick<RemissionApplicant, 'couple' | 'childrenAges'>,
  rules: RemissionRules = DEFAULT_REMISSION_RULES,
): number {
  const children = applicant.childrenAges.reduce(
    (sum, age) => sum + (rules.childPremiums.find((band) => age <= band.maxAge)?.premiumPence ?? 0),
    0,
  );
  return rules.baseThresholdPence + (applicant.couple ? rules.couplePremiumPence : 0) + children;
}

/**
 * Decides full, part or no remission of one fee. Whole pence throughout; shares round down, in the
 * applicant's favour.
 */
export function assessRemission(
  feePence: number,
  applicant: RemissionApplicant,
  rules: RemissionRules = DEFAULT_REMISSION_RULES,
): RemissionDecision {
  const problems = applicantProblems(feePence, applicant);
  if (problems.length)
    throw new BadUserInputError('The Help with Fees application cannot be assessed as given', problems);
  const thresholdPence = incomeThreshold(applicant, rules);
  const limitPence = savingsLimit(feePence, applicant.age, rules);
  const none = (reason: RemissionDecision['reason']): RemissionDecision => ({
    outcome: 'none',
    feePence,
    contributionPence: feePence,
    remittedPence: 0,
    thresholdPence,
    savingsLimitPence: limitPence,
    reason,
  });
  if (applicant.savingsPence >= limitPence) return none('savings-above-limit');

  let excess = Math.max(0, applicant.monthlyIncomePence - thresholdPence);
  const assessable = rules.contributionSlices.reduce((sum, slice) => sum + slice.widthPence, 0);
  if (excess > assessable) return none('income-above-limit');
  let contribution = 0;
  for (const slice of rules.contributionSlices) {
    const inSlice = Math.min(excess, slice.widthPence);
    contribution += Math.floor((inSlice * slice.basisPoints) / 10_000);
    excess -= inSlice;
  }
  const contributionPence = Math.min(contribution, feePence);
  const remittedPence = feePence - contributionPence;
  const outcome: RemissionOutcome = remittedPence === feePence ? 'full' : remittedPence === 0 ? 'none' : 'part';
  return {
    outcome,
    feePence,
    contributionPence,
    remittedPence,
    thresholdPence,
    savingsLimitPence: limitPence,
    reason: 'income-assessed',
  };
}

/**
 * `awaiting-decision`: assessed, the remission waits for a member of staff; `awaiting-evidence`: the
 * same, once they have checked the evidence (a sampled application, or a fee whose last application
 * failed); `decided`: remitted, or nothing to remit; `refused` and `evidence-failed`: nothing remitted.
 */
export type HelpWithFeesStatus = 'awaiting-decision' | 'awaiting-evidence' | 'decided' | 'refused' | 'evidence-failed';

/** The statuses in which an application waits for staff, and what they are to do. */
export const WAITING_FOR = { 'awaiting-decision': 'decision', 'awaiting-evidence': 'evidence' } as const;
export type AwaitingStaffStatus = keyof typeof WAITING_FOR;

export function isAwaitingStaff(status: HelpWithFeesStatus): status is AwaitingStaffStatus {
  return status in WAITING_FOR;
}

/** An application for Help with Fees on one fee of a case, as assessed, and where it stands. */
export interface HelpWithFeesApplication extends Omit<RemissionDecision, 'thresholdPence' | 'savingsLimitPence'> {
  id: string;
  caseId: string;
  serviceRequestId: string;
  feeId: string;
  feeCode: string;
  status: HelpWithFeesStatus;
  appliedBy: string;
  checkedBy: string | null;
  createdAt: Date;
}

/**
 * Staff conclude an application waiting for them (a decision, or an evidence check), and never one
 * they applied for, whatever their role: four eyes on every remission.
 */
export function assertCanConclude(
  application: Pick<HelpWithFeesApplication, 'status' | 'appliedBy'>,
  from: HelpWithFeesStatus,
  checker: string,
): void {
  if (application.status !== from) {
    throw new ConflictError(`The application is ${application.status}, not ${from.replace('-', ' ')}`);
  }
  assertSecondPerson(application.appliedBy, checker, 'A Help with Fees remission');
}

/**
 * Nothing to remit needs nobody; a remission waits for staff, after evidence when sampled or when
 * the fee was turned down before.
 */
export function initialStatus(remittedPence: number, turnedDownBefore: boolean, sampled: boolean): HelpWithFeesStatus {
  if (remittedPence === 0) return 'decided';
  return turnedDownBefore || sampled ? 'awaiting-evidence' : 'awaiting-decision';
}

/**
 * Whether an application is picked for an evidence check. Deterministic from its id, so the same
 * application always gets the same answer and the sample rate holds over many applications.
 */
export function pickedForEvidenceCheck(applicationId: string, percent: number): boolean {
  const hex = applicationId.replace(/-/g, '').slice(-8);
  return parseInt(hex, 16) % 100 < percent;
}

function applicantProblems(feePence: number, a: RemissionApplicant): FieldError[] {
  const problems: FieldError[] = [];
  const pence = (v: number) => Number.isInteger(v) && v >= 0;
  if (!pence(feePence)) problems.push({ field: 'feePence', message: 'must be whole pence, 0 or more' });
  if (!pence(a.monthlyIncomePence))
    problems.push({ field: 'monthlyIncomePence', message: 'must be whole pence, 0 or more' });
  if (!pence(a.savingsPence)) problems.push({ field: 'savingsPence', message: 'must be whole pence, 0 or more' });
  if (!Number.isInteger(a.age) || a.age < 16 || a.age > 130)
    problems.push({ field: 'age', message: 'must be a whole number from 16 to 130' });
  a.childrenAges.forEach((age, i) => {
    if (!Number.isInteger(age) || age < 0 || age > 19)
      problems.push({ field: `childrenAges.${i}`, message: 'must be a whole number from 0 to 19' });
  });
  return problems;
}
