import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Role, Roles } from '@ccsc/auth';
import { assertUuid, MAX_PENCE, PageParams, pageSize } from '@ccsc/platform';
import { REFUND_REASONS, RefundReason, Refund } from '../domain/refund';
import { RefundCommands } from '../application/refund.commands';

const REQUESTERS: Role[] = ['finance-officer', 'caseworker', 'team-leader'];
/** Team leaders and finance officers approve; never their own request. */
const APPROVERS: Role[] = ['team-leader', 'finance-officer'];

export class RequestRefundBody {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @ApiProperty({ enum: REFUND_REASONS }) @IsIn(REFUND_REASONS) reason!: RefundReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class RefundDecisionBody {
  @ApiProperty({ enum: ['approve', 'reject', 'return'] }) @IsIn(['approve', 'reject', 'return']) decision!: 'approve' | 'reject' | 'return';
  @ApiPropertyOptional({ description: 'Why; read by the requester when returned.' }) @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class ResubmitRefundBody {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
}

export class RefundModel {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['refund', 'consolatory-payment'] }) kind!: string;
  @ApiPropertyOptional() caseId?: string;
  @ApiProperty() amountPence!: number;
  @ApiProperty({ enum: REFUND_REASONS }) reason!: string;
  @ApiProperty({ enum: ['awaiting-approval', 'returned-for-update', 'approved', 'rejected', 'paid'] }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() remedyId?: string;

  static from(r: Refund): RefundModel {
    return {
      id: r.id, kind: r.kind, amountPence: r.amountPence, reason: r.reason, status: r.status, requestedBy: r.requestedBy,
      caseId: r.caseId ?? undefined, decidedBy: r.decidedBy ?? undefined, note: r.note ?? undefined, remedyId: r.remedyId ?? undefined,
    };
  }
}

@ApiTags('refunds')
@Controller('api/v1/payments/refunds')
export class RefundController {
  constructor(private readonly commands: RefundCommands) {}

  @Post()
  @Roles(...REQUESTERS)
  @ApiOperation({ summary: 'Ask for a refund; never more than was paid less what is owed' })
  @ApiCreatedResponse({ type: RefundModel })
  @ApiConflictResponse({ description: 'More than is refundable' })
  async request(@Body() body: RequestRefundBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return RefundModel.from(await this.commands.request(body, principal, correlationId));
  }

  @Get('awaiting-approval')
  @Roles(...APPROVERS)
  @ApiOperation({ summary: 'Refunds and remedy payments waiting for an approver, oldest first' })
  @ApiOkResponse({ description: '`{ items, nextCursor }`' })
  async awaiting(@Query() query: PageParams) {
    const page = await this.commands.awaitingApproval(pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(RefundModel.from), nextCursor: page.nextCursor };
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOperation({ summary: 'Approve, reject or return a refund for update (never your own)' })
  @ApiOkResponse({ type: RefundModel })
  async decide(@Param('id') id: string, @Body() body: RefundDecisionBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return RefundModel.from(await this.commands.decide(assertUuid(id), body.decision, principal, body.note, correlationId));
  }

  @Post(':id/resubmission')
  @HttpCode(200)
  @Roles(...REQUESTERS)
  @ApiOperation({ summary: 'Update a returned refund and send it back for approval' })
  @ApiOkResponse({ type: RefundModel })
  async resubmit(@Param('id') id: string, @Body() body: ResubmitRefundBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return RefundModel.from(await this.commands.resubmit(assertUuid(id), body.amountPence, principal, correlationId));
  }

  @Post(':id/payment')
  @HttpCode(200)
  @Roles('finance-officer', 'system')
  @ApiOperation({ summary: 'Record that an approved refund has been paid out' })
  @ApiOkResponse({ type: RefundModel })
  async markPaid(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return RefundModel.from(await this.commands.markPaid(assertUuid(id), principal, correlationId));
  }
}
