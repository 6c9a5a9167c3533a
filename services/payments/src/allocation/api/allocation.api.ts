import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, MAX_PENCE, PageParams, pageSize } from '@ccsc/platform';
import { FINANCE_STAFF } from '../../payment/api/payment.api';
import { AllocationModel } from '../../payment/api/payment.model';
import { ALLOCATION_TARGETS, AllocationTarget } from '../domain/allocation';
import { AllocationCommands } from '../application/allocation.commands';

export class AllocateBody {
  @ApiProperty({ enum: ALLOCATION_TARGETS }) @IsIn(ALLOCATION_TARGETS) target!: AllocationTarget;
  @ApiPropertyOptional({ description: 'For a service request: the case.' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ description: "For a fine account: enforcement's account number." }) @IsOptional() @IsString() @Length(1, 32) fineAccountNumber?: string;
  @ApiPropertyOptional({ description: 'Defaults to all that is left of the payment.' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence?: number;
  @ApiPropertyOptional({ description: 'Required for unidentified: why it could not be placed.' }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class VerifyBody {
  @ApiProperty({ description: 'true verifies the allocation; false rejects it and frees the amount.' }) @IsBoolean() approve!: boolean;
}

@ApiTags('allocation')
@Controller('api/v1/payments')
export class AllocationController {
  constructor(private readonly commands: AllocationCommands) {}

  @Get('unallocated')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'The work queue: money received and not fully allocated, oldest first' })
  @ApiOkResponse({ description: '`{ items, nextCursor }`' })
  async unallocated(@Query() query: PageParams) {
    const page = await this.commands.unallocated(pageSize(query.limit, 'limit'), query.cursor);
    return {
      items: page.items.map((p) => ({ id: p.id, method: p.method, amountPence: p.amountPence, unallocatedPence: p.unallocatedPence, reference: p.reference, fineAccountNumber: p.fineAccountNumber, receivedAt: p.receivedAt })),
      nextCursor: page.nextCursor,
    };
  }

  @Post('payments/:id/allocations')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'Allocate (part of) a payment to a case, a fine account, or mark it unidentified; a second officer verifies' })
  @ApiCreatedResponse({ type: AllocationModel })
  @ApiBadRequestResponse({ description: 'The target lacks what it needs' })
  @ApiConflictResponse({ description: 'The payment is already allocated in full, or not money received' })
  async allocate(@Param('id') id: string, @Body() body: AllocateBody, @CurrentPrincipal() principal: Principal) {
    return AllocationModel.from(await this.commands.allocate(assertUuid(id), body, principal));
  }

  @Post('allocations/:id/transfers')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'Transfer a verified allocation to another case, fine account or unidentified; a second officer verifies' })
  @ApiCreatedResponse({ type: AllocationModel })
  @ApiConflictResponse({ description: 'Not a verified allocation, a transfer already pending, or the same target' })
  async transfer(@Param('id') id: string, @Body() body: AllocateBody, @CurrentPrincipal() principal: Principal) {
    return AllocationModel.from(await this.commands.transfer(assertUuid(id), body, principal));
  }

  @Get('allocations/awaiting-verification')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'Allocations waiting for a second officer, oldest first' })
  async awaiting(@Query() query: PageParams) {
    const page = await this.commands.awaitingVerification(pageSize(query.limit, 'limit'), query.cursor);
    return { items: page.items.map(AllocationModel.from), nextCursor: page.nextCursor };
  }

  @Post('allocations/:id/verification')
  @HttpCode(200)
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'Verify or reject an allocation (never your own)' })
  @ApiOkResponse({ type: AllocationModel })
  @ApiConflictResponse({ description: 'Already decided, or you made the allocation' })
  async verify(@Param('id') id: string, @Body() body: VerifyBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return AllocationModel.from(await this.commands.verify(assertUuid(id), body.approve, principal, correlationId));
  }
}
