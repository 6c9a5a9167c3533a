import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, PageParams, pageSize } from '@ccsc/platform';
import { REMISSION_APPROVERS } from '../../help-with-fees/api/help-with-fees.api';
import { FEE_WAIVER_STATUSES, FeeWaiver } from '../domain/fee-waiver';
import { FeeWaiverCommands } from '../application/fee-waiver.commands';

export class FeeWaiverDecisionBody {
  @ApiProperty({ description: 'true remits the fee (up to what is left of it); false rejects the waiver.' }) @IsBoolean() approve!: boolean;
}

export class FeeWaiverModel {
  @ApiProperty() id!: string;
  @ApiProperty() complaintId!: string;
  @ApiProperty() remedyId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'FEE0209' }) feeCode!: string;
  @ApiProperty() amountPence!: number;
  @ApiProperty({ enum: FEE_WAIVER_STATUSES }) status!: string;
  @ApiProperty({ description: 'The officer who agreed the remedy.' }) requestedBy!: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional({ description: 'What the approval remitted.' }) remittedPence?: number;

  static from(w: FeeWaiver): FeeWaiverModel {
    return {
      id: w.id, complaintId: w.complaintId, remedyId: w.remedyId, caseId: w.caseId, feeCode: w.feeCode, amountPence: w.amountPence, status: w.status,
      requestedBy: w.requestedBy, decidedBy: w.decidedBy ?? undefined, remittedPence: w.remittedPence ?? undefined,
    };
  }
}

@ApiTags('fee-waivers')
@Controller('api/v1/payments/fee-waivers')
export class FeeWaiverController {
  constructor(private readonly commands: FeeWaiverCommands) {}

  @Get('awaiting-approval')
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: "Complaint remedies' fee waivers waiting for an approver, oldest first" })
  @ApiOkResponse({ description: '`{ items, nextCursor }`' })
  async awaiting(@Query() query: PageParams) {
    const page = await this.commands.awaitingApproval(pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(FeeWaiverModel.from), nextCursor: page.nextCursor };
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...REMISSION_APPROVERS)
  @ApiOperation({ summary: 'Approve (the fee is remitted) or reject a fee waiver; never one whose remedy you agreed' })
  @ApiOkResponse({ type: FeeWaiverModel })
  @ApiConflictResponse({ description: 'Already decided, you agreed the remedy, or nothing is left of the fee' })
  async decide(@Param('id') id: string, @Body() body: FeeWaiverDecisionBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return FeeWaiverModel.from(await this.commands.decide(assertUuid(id), body.approve, principal, correlationId));
  }
}
