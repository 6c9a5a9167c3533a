import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Role, Roles } from '@ccsc/auth';
import { assertUuid, MAX_PENCE, PageParams, pageSize } from '@ccsc/platform';
import { assessRemission, RemissionDecision } from '../domain/remission';
import { HelpWithFeesApplication, HelpWithFeesCommands } from '../application/help-with-fees.commands';

/** Staff who decide remissions (Help with Fees, and complaints' fee waivers); never one they applied for or agreed. */
export const REMISSION_APPROVERS: Role[] = ['caseworker', 'team-leader', 'finance-officer'];

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

export class RemissionDecisionBody {
  @ApiProperty({ description: 'true grants the remission, which is applied at once; false refuses it.' }) @IsBoolean() grant!: boolean;
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
  @ApiProperty({
    enum: ['awaiting-decision', 'awaiting-evidence', 'decided', 'refused', 'evidence-failed'],
    description: 'A remission is applied once decided, by staff other than the applicant; `awaiting-evidence` first when sampled, or when the fee was refused or failed its check before.',
  }) status!: string;

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
  @ApiOperation({ summary: 'Apply for Help with Fees on a fee of a case; assessed at once, remitted only once staff other than you decide it' })
  @ApiCreatedResponse({ type: HelpWithFeesApplicationModel })
  @ApiNotFoundResponse({ description: 'No such case or unremitted fee, or not a case you may see' })
  @ApiConflictResponse({ description: 'The fee already has an application' })
  async apply(@Body() body: HelpWithFeesApplicationBody, @CurrentPrincipal() principal: Principal) {
    return HelpWithFeesApplicationModel.from(await this.commands.apply(body, principal));
  }

  @Get('applications/awaiting-staff')
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: 'Applications waiting for a decision or an evidence check, oldest first' })
  @ApiOkResponse({ description: '`{ items, nextCursor }`' })
  async awaiting(@Query() query: PageParams) {
    const page = await this.commands.awaitingStaff(pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(HelpWithFeesApplicationModel.from), nextCursor: page.nextCursor };
  }

  @Post('applications/:id/decision')
  @HttpCode(200)
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: 'Grant or refuse the remission of an application awaiting a decision (never your own)' })
  @ApiOkResponse({ type: HelpWithFeesApplicationModel })
  @ApiConflictResponse({ description: 'Not awaiting a decision, or you applied' })
  async decide(@Param('id') id: string, @Body() body: RemissionDecisionBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return HelpWithFeesApplicationModel.from(await this.commands.decide(assertUuid(id), body.grant, principal, correlationId));
  }

  @Post('applications/:id/evidence-check')
  @HttpCode(200)
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: 'Record the evidence check of an application awaiting one (never your own): passed, the remission is applied' })
  @ApiOkResponse({ type: HelpWithFeesApplicationModel })
  @ApiConflictResponse({ description: 'Not awaiting evidence, or you applied' })
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
