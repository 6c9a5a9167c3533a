import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid, PageParams, pageSize } from '@ccsc/platform';
import { AllocationModel } from '../../payment/api/payment.model';
import { FINANCE_STAFF } from '../../roles';
import { AllocationCommands } from '../application/allocation.commands';
import { AllocationQueries } from '../application/allocation.queries';
import { AllocateBody, VerifyBody } from './allocation.inputs';
import { AllocationPageModel, UnallocatedPageModel } from './allocation.model';

@ApiTags('allocation')
@Controller('api/v1/payments')
export class AllocationController {
  constructor(
    private readonly commands: AllocationCommands,
    private readonly queries: AllocationQueries,
  ) {}

  @Get('unallocated')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'The work queue: money received and not fully allocated, oldest first' })
  @ApiOkResponse({ type: UnallocatedPageModel })
  async unallocated(
    @Query() query: PageParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UnallocatedPageModel> {
    const page = await this.queries.unallocated(principal, pageSize(query.limit, 'limit'), query.cursor);
    return {
      items: page.items.map((p) => ({
        id: p.id,
        method: p.method,
        amountPence: p.amountPence,
        unallocatedPence: p.unallocatedPence,
        reference: p.reference,
        fineAccountNumber: p.fineAccountNumber,
        receivedAt: p.receivedAt,
      })),
      nextCursor: page.nextCursor,
    };
  }

  @Post('payments/:id/allocations')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({
    summary:
      'Allocate (part of) a payment to a case, a fine account, or mark it unidentified; a second officer verifies',
  })
  @ApiCreatedResponse({ type: AllocationModel })
  @ApiBadRequestResponse({ description: 'The target lacks what it needs, or is given what it may not have' })
  @ApiNotFoundResponse({ description: 'No such payment, or no such case' })
  @ApiConflictResponse({
    description: 'The payment is already allocated in full, asks for more than is left, or is not money received',
  })
  async allocate(@Param('id') id: string, @Body() body: AllocateBody, @CurrentPrincipal() principal: Principal) {
    return AllocationModel.from(await this.commands.allocate(assertUuid(id), body, principal), principal);
  }

  @Post('allocations/:id/transfers')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({
    summary: 'Transfer a verified allocation to another case, fine account or unidentified; a second officer verifies',
  })
  @ApiCreatedResponse({ type: AllocationModel })
  @ApiBadRequestResponse({
    description: 'The target lacks what it needs, or an amount other than the whole allocation was asked for',
  })
  @ApiNotFoundResponse({ description: 'No such allocation, or no such case' })
  @ApiConflictResponse({ description: 'Not a verified allocation, a transfer already pending, or the same target' })
  async transfer(@Param('id') id: string, @Body() body: AllocateBody, @CurrentPrincipal() principal: Principal) {
    return AllocationModel.from(await this.commands.transfer(assertUuid(id), body, principal), principal);
  }

  @Get('allocations/awaiting-verification')
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'Allocations waiting for a second officer, oldest first' })
  @ApiOkResponse({ type: AllocationPageModel })
  async awaiting(@Query() query: PageParams, @CurrentPrincipal() principal: Principal): Promise<AllocationPageModel> {
    const page = await this.queries.awaitingVerification(principal, pageSize(query.limit, 'limit'), query.cursor);
    return {
      items: page.items.map((allocation) => AllocationModel.from(allocation, principal)),
      nextCursor: page.nextCursor,
    };
  }

  @Post('allocations/:id/verification')
  @HttpCode(200)
  @Roles(...FINANCE_STAFF)
  @ApiOperation({ summary: 'Verify or reject an allocation (never your own)' })
  @ApiOkResponse({ type: AllocationModel })
  @ApiConflictResponse({
    description: 'Already decided, you made the allocation, or its payment was reversed since it was made',
  })
  async verify(
    @Param('id') id: string,
    @Body() body: VerifyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return AllocationModel.from(
      await this.commands.verify(assertUuid(id), body.approve, principal, correlationId),
      principal,
    );
  }
}
