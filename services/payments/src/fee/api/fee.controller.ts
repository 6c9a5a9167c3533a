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
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertPathInteger } from '@ccsc/platform';
import { FEE_KEEPERS, FEE_READERS } from '../../roles';
import { FeeCommands } from '../application/fee.commands';
import { FeeQueries } from '../application/fee.queries';
import { day, feeAmount, feeCode, FeeDecisionBody, FeeLookupArgs, ProposeFeeVersionBody } from './fee.inputs';
import { FeeQuoteModel, FeeVersionModel } from './fee.model';

@ApiTags('fees')
@Controller('api/v1/payments/fees')
export class FeeController {
  constructor(
    private readonly commands: FeeCommands,
    private readonly queries: FeeQueries,
  ) {}

  @Get()
  @Roles(...FEE_READERS)
  @ApiOperation({ summary: 'Look up the fees in force, priced for a claim amount' })
  @ApiOkResponse({ type: [FeeQuoteModel] })
  @ApiBadRequestResponse({ description: 'Invalid criteria (problem+json with field errors)' })
  async lookup(@Query() query: FeeLookupArgs) {
    const { claimAmountPence, on, channel, ...criteria } = query;
    const wanted = { ...criteria, channel: channel ?? 'default' };
    const found = await this.queries.lookup(wanted, claimAmountPence, day(on, 'on'));
    return found.map(FeeQuoteModel.from);
  }

  @Get(':code/versions')
  @Roles(...FEE_READERS)
  @ApiOperation({ summary: "A fee code's versions, oldest first" })
  @ApiOkResponse({ type: [FeeVersionModel] })
  @ApiNotFoundResponse({ description: 'No fee has this code' })
  async versions(@Param('code') code: string) {
    return (await this.queries.versions(feeCode(code))).map(FeeVersionModel.from);
  }

  @Post(':code/versions')
  @Roles(...FEE_KEEPERS)
  @ApiOperation({ summary: 'Propose a new amount from a day on; it applies once a second person approves it' })
  @ApiCreatedResponse({ type: FeeVersionModel })
  @ApiNotFoundResponse({ description: 'No fee has this code' })
  @ApiConflictResponse({ description: 'A version is already awaiting approval' })
  async propose(
    @Param('code') code: string,
    @Body() body: ProposeFeeVersionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const validFrom = day(body.validFrom, 'validFrom');
    const proposal = { code: feeCode(code), amount: feeAmount(body.amount), validFrom, description: body.description };
    return FeeVersionModel.from(await this.commands.propose(proposal, principal));
  }

  @Post(':code/versions/:version/decision')
  @HttpCode(200)
  @Roles(...FEE_KEEPERS)
  @ApiOperation({ summary: 'Approve or reject a proposed fee version (never the proposer)' })
  @ApiOkResponse({ type: FeeVersionModel })
  @ApiNotFoundResponse({ description: 'No such version of the fee' })
  @ApiConflictResponse({ description: 'Not awaiting approval, or the approver proposed it' })
  async decide(
    @Param('code') code: string,
    @Param('version') version: string,
    @Body() body: FeeDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return FeeVersionModel.from(
      await this.commands.decide(feeCode(code), assertPathInteger(version, 'version'), body.approve, principal),
    );
  }
}
