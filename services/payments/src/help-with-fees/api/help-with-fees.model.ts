import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { CASE_ID, CURSOR_EXAMPLE, FEE_CODE, HWF_APPLICATION_ID, NEXT_CURSOR, PENCE } from '../../api-descriptions';
import { ObjectType } from '../../payments.graphql';
import type { HelpWithFeesApplication, RemissionDecision } from '../domain/remission';

const OUTCOME =
  '`full` (the whole fee remitted), `part` (the applicant pays a contribution) or `none` (nothing remitted).';
const FEE = `The fee as it stood when assessed (or reassessed after the fee was repriced). ${PENCE}`;
const CONTRIBUTION = `What the applicant pays towards the fee: the whole fee when nothing is remitted. ${PENCE}`;
const REMITTED = `What the assessment remits: the fee less the contribution. It comes off the fee only once staff other than the applicant grant it (status \`decided\`). ${PENCE}`;
const THRESHOLD = `The applicant's monthly income threshold: under the current rules 142000 (£1,420), plus 71000 for a partner and 42500 for each child up to 13 or 71000 for each aged 14 to 19. Half of the first £1,000 of income above it is paid as a contribution, 70% of the next £1,000 and 90% of the next; more than £3,000 above it, nothing is remitted. ${PENCE}`;
const SAVINGS_LIMIT = `The savings limit for this fee and the applicant's age: savings at or above it mean no remission. ${PENCE}`;
const REASON =
  '`savings-above-limit` (savings at or above the limit), `income-above-limit` (income too far above the threshold) or `income-assessed` (the outcome follows from the income).';

const APPLICATION_STATUS =
  "`awaiting-decision` (assessed; the remission waits for staff to grant or refuse it), `awaiting-evidence` (the same, after staff check the evidence: the application was sampled, or the fee's last application was refused or failed its check), `decided` (remitted, or nothing to remit), `refused` or `evidence-failed` (nothing remitted). Staff who conclude it are never the applicant.";

@ObjectType('HelpWithFeesApplication', { description: 'An application for Help with Fees on a fee of a case.' })
export class HelpWithFeesApplicationModel {
  @Field(() => ID, { description: HWF_APPLICATION_ID })
  @ApiProperty({ description: HWF_APPLICATION_ID, format: 'uuid' })
  id!: string;
  @Field(() => ID, { description: CASE_ID }) @ApiProperty({ description: CASE_ID, format: 'uuid' }) caseId!: string;
  @Field({ description: `The fee applied for. ${FEE_CODE}` })
  @ApiProperty({ description: `The fee applied for. ${FEE_CODE}`, example: 'FEE0202' })
  feeCode!: string;
  @Field({ description: OUTCOME })
  @ApiProperty({ enum: ['full', 'part', 'none'], description: OUTCOME })
  outcome!: string;
  @Field(() => Int, { description: FEE }) @ApiProperty({ description: FEE, example: 45500 }) feePence!: number;
  @Field(() => Int, { description: CONTRIBUTION })
  @ApiProperty({ description: CONTRIBUTION, example: 10000 })
  contributionPence!: number;
  @Field(() => Int, { description: REMITTED })
  @ApiProperty({ description: REMITTED, example: 35500 })
  remittedPence!: number;
  @Field({ description: APPLICATION_STATUS })
  @ApiProperty({
    enum: ['awaiting-decision', 'awaiting-evidence', 'decided', 'refused', 'evidence-failed'],
    description: APPLICATION_STATUS,
  })
  status!: string;

  static from(a: HelpWithFeesApplication): HelpWithFeesApplicationModel {
    return {
      id: a.id,
      caseId: a.caseId,
      feeCode: a.feeCode,
      outcome: a.outcome,
      feePence: a.feePence,
      contributionPence: a.contributionPence,
      remittedPence: a.remittedPence,
      status: a.status,
    };
  }
}

@ObjectType('HelpWithFeesAssessment', { description: 'Full, part or no remission of a fee, as the rules work it out.' })
export class RemissionDecisionModel {
  @Field({ description: OUTCOME })
  @ApiProperty({ enum: ['full', 'part', 'none'], description: OUTCOME })
  outcome!: string;
  @Field(() => Int, { description: `The fee assessed. ${PENCE}` })
  @ApiProperty({ description: `The fee assessed. ${PENCE}`, example: 45500 })
  feePence!: number;
  @Field(() => Int, { description: CONTRIBUTION })
  @ApiProperty({ description: CONTRIBUTION, example: 10000 })
  contributionPence!: number;
  @Field(() => Int, { description: `What would be remitted: the fee less the contribution. ${PENCE}` })
  @ApiProperty({ description: `What would be remitted: the fee less the contribution. ${PENCE}`, example: 35500 })
  remittedPence!: number;
  @Field(() => Int, { description: THRESHOLD })
  @ApiProperty({ description: THRESHOLD, example: 184500 })
  thresholdPence!: number;
  @Field(() => Int, { description: SAVINGS_LIMIT })
  @ApiProperty({ description: SAVINGS_LIMIT, example: 425000 })
  savingsLimitPence!: number;
  @Field({ description: REASON })
  @ApiProperty({ enum: ['savings-above-limit', 'income-above-limit', 'income-assessed'], description: REASON })
  reason!: string;

  static from(d: RemissionDecision): RemissionDecisionModel {
    return { ...d };
  }
}

/** A page of the staff's Help with Fees queue over REST. */
export class HelpWithFeesApplicationPageModel {
  @ApiProperty({
    type: [HelpWithFeesApplicationModel],
    description:
      'Applications awaiting a decision or an evidence check, oldest first; conclude only those you did not make.',
  })
  items!: HelpWithFeesApplicationModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}
