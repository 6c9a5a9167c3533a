import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../payments.graphql';
import type { HelpWithFeesApplication, RemissionDecision } from '../domain/remission';

const APPLICATION_STATUS =
  'A remission is applied once decided, by staff other than the applicant; `awaiting-evidence` first when sampled, or when the fee was refused or failed its check before.';

@ObjectType('HelpWithFeesApplication', { description: 'An application for Help with Fees on a fee of a case.' })
export class HelpWithFeesApplicationModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() caseId!: string;
  @Field() @ApiProperty() feeCode!: string;
  @Field({ description: 'full, part or none.' }) @ApiProperty({ enum: ['full', 'part', 'none'] }) outcome!: string;
  @Field(() => Int) @ApiProperty() feePence!: number;
  @Field(() => Int) @ApiProperty() contributionPence!: number;
  @Field(() => Int) @ApiProperty() remittedPence!: number;
  @Field({
    description: `awaiting-decision, awaiting-evidence, decided, refused or evidence-failed. ${APPLICATION_STATUS}`,
  })
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
  @Field({ description: 'full, part or none.' }) @ApiProperty({ enum: ['full', 'part', 'none'] }) outcome!: string;
  @Field(() => Int) @ApiProperty() feePence!: number;
  @Field(() => Int) @ApiProperty() contributionPence!: number;
  @Field(() => Int) @ApiProperty() remittedPence!: number;
  @Field(() => Int) @ApiProperty() thresholdPence!: number;
  @Field(() => Int) @ApiProperty() savingsLimitPence!: number;
  @Field({ description: 'savings-above-limit, income-above-limit or income-assessed.' })
  @ApiProperty({ enum: ['savings-above-limit', 'income-above-limit', 'income-assessed'] })
  reason!: string;

  static from(d: RemissionDecision): RemissionDecisionModel {
    return { ...d };
  }
}
