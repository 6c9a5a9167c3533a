import { ApiProperty } from '@nestjs/swagger';
import type { HelpWithFeesApplication, RemissionDecision } from '../domain/remission';

export class HelpWithFeesApplicationModel {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() feeCode!: string;
  @ApiProperty({ enum: ['full', 'part', 'none'] }) outcome!: string;
  @ApiProperty() feePence!: number;
  @ApiProperty() contributionPence!: number;
  @ApiProperty() remittedPence!: number;
  @ApiProperty({
    enum: ['awaiting-decision', 'awaiting-evidence', 'decided', 'refused', 'evidence-failed'],
    description:
      'A remission is applied once decided, by staff other than the applicant; `awaiting-evidence` first when sampled, or when the fee was refused or failed its check before.',
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

export class RemissionDecisionModel {
  @ApiProperty({ enum: ['full', 'part', 'none'] }) outcome!: string;
  @ApiProperty() feePence!: number;
  @ApiProperty() contributionPence!: number;
  @ApiProperty() remittedPence!: number;
  @ApiProperty() thresholdPence!: number;
  @ApiProperty() savingsLimitPence!: number;
  @ApiProperty({ enum: ['savings-above-limit', 'income-above-limit', 'income-assessed'] }) reason!: string;

  static from(d: RemissionDecision): RemissionDecisionModel {
    return { ...d };
  }
}
