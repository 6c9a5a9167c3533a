import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_PENCE } from '../../payment/api/payment.inputs';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { assessRemission, RemissionDecision } from '../domain/remission';
import { HelpWithFeesApplication, HelpWithFeesCommands } from '../application/help-with-fees.commands';

export class ApplicantBody {
  @ApiProperty({ description: 'Gross monthly income of the applicant (and partner).' }) @IsInt() @Min(0) @Max(MAX_PENCE) monthlyIncomePence!: number;
  @ApiProperty() @IsBoolean() couple!: boolean;
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMaxSize(20) @IsInt({ each: true }) @Min(0, { each: true }) @Max(19, { each: true }) childrenAges!: number[];
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) savingsPence!: number;
  @ApiProperty() @IsInt() @Min(16) @Max(130) age!: number;
}

export class RemissionCheckBody extends ApplicantBody {
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) feePence!: number;
}

export class HelpWithFeesApplicationBody {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty({ example: 'FEE0202', description: 'A fee on the case\'s service request.' }) @Matches(/^FEE\d{4}$/) feeCode!: string;
  @ApiProperty({ type: ApplicantBody }) @ValidateNested() @Type(() => ApplicantBody) applicant!: ApplicantBody;
}

export class EvidenceCheckBody {
  @ApiProperty({ description: 'Whether the evidence bore the application out.' }) @IsBoolean() passed!: boolean;
}

export class HelpWithFeesApplicationModel {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() feeCode!: string;
  @ApiProperty({ enum: ['full', 'part', 'none'] }) outcome!: string;
  @ApiProperty() feePence!: number;
  @ApiProperty() contributionPence!: number;
  @ApiProperty() remittedPence!: number;
  @ApiProperty({ enum: ['decided', 'awaiting-evidence', 'evidence-failed'], description: 'Remission is applied once decided.' }) status!: string;

  static from(a: HelpWithFeesApplication): HelpWithFeesApplicationModel {
    return { id: a.id, caseId: a.caseId, feeCode: a.feeCode, outcome: a.outcome, feePence: a.feePence, contributionPence: a.contributionPence, remittedPence: a.remittedPence, status: a.status };
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

@ApiTags('help-with-fees')
@Controller('api/v1/payments/help-with-fees')
export class HelpWithFeesController {
  constructor(private readonly commands: HelpWithFeesCommands) {}

  @Post('applications')
  @Roles('citizen', 'professional', 'caseworker', 'team-leader', 'finance-officer')
  @ApiOperation({ summary: "Apply for Help with Fees on a fee of a case; the remission applies at once unless the application is picked for an evidence check" })
  @ApiCreatedResponse({ type: HelpWithFeesApplicationModel })
  @ApiNotFoundResponse({ description: 'No such case or unremitted fee, or not a case you may see' })
  @ApiConflictResponse({ description: 'The fee already has an application' })
  async apply(@Body() body: HelpWithFeesApplicationBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return HelpWithFeesApplicationModel.from(await this.commands.apply(body, principal, correlationId));
  }

  @Post('applications/:id/evidence-check')
  @HttpCode(200)
  @Roles('caseworker', 'team-leader', 'finance-officer')
  @ApiOperation({ summary: 'Record the evidence check of a sampled application (never by the applicant)' })
  @ApiOkResponse({ type: HelpWithFeesApplicationModel })
  async evidenceCheck(@Param('id') id: string, @Body() body: EvidenceCheckBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return HelpWithFeesApplicationModel.from(await this.commands.completeEvidenceCheck(assertUuid(id), body.passed, principal, correlationId));
  }

  @Post('assessments')
  @HttpCode(200)
  @Roles('citizen', 'professional', 'caseworker', 'team-leader', 'finance-officer')
  @ApiOperation({ summary: 'Work out full, part or no remission of a fee; stores nothing' })
  @ApiOkResponse({ type: RemissionDecisionModel })
  assess(@Body() body: RemissionCheckBody) {
    const { feePence, ...applicant } = body;
    return RemissionDecisionModel.from(assessRemission(feePence, applicant));
  }
}
