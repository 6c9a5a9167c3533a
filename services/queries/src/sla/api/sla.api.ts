import { Controller, HttpCode, Post } from '@nestjs/common';
import { Args, Field, Float, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, Matches } from 'class-validator';
import { ENQUIRY_CHANNELS, type EnquiryChannel } from '@ccsc/contracts';
import { BadUserInputError } from '@ccsc/platform';
import { SLA_CLOCKS, SLA_UNITS, targetProblem, type SlaClockKind, type SlaUnit } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';
import { InputType, ObjectType } from '../../queries.graphql';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '@ccsc/auth';
import { OFFICERS, TEAM_LEADERS } from '../../enquiry/api/roles';
import { SlaBreachRun } from '../application/sla-breach-run';
import { SlaClockRepository } from '../infrastructure/sla-clock.repository';

@ObjectType('SlaRunResult', { description: 'What one SLA run flagged.' })
export class SlaRunResultModel {
  @Field(() => Int, { description: 'Clocks newly at risk.' }) @ApiProperty() atRisk!: number;
  @Field(() => Int, { description: 'Clocks newly breached (each published as enquiry-sla-breached).' }) @ApiProperty() breached!: number;
  @Field() @ApiProperty() ranAt!: Date;
}

@ObjectType('SlaPolicy', { description: 'An SLA target for a channel and/or category (null: any).' })
export class SlaPolicyModel {
  @Field(() => String, { nullable: true }) channel!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field() clock!: string;
  @Field() unit!: string;
  @Field(() => Float) amount!: number;
}

@InputType('SaveSlaPolicyInput', { description: 'An SLA target for a channel and/or category; it applies to enquiries raised from then on.' })
export class SaveSlaPolicyInput {
  @Field(() => String, { nullable: true, description: 'Null for every channel.' }) @IsOptional() @IsIn(ENQUIRY_CHANNELS) channel?: EnquiryChannel | null;
  @Field(() => String, { nullable: true, description: 'Null for every category.' }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'category must be a lower-case code' }) category?: string | null;
  @Field(() => String, { description: 'first-response or resolution.' }) @IsIn(SLA_CLOCKS) clock!: SlaClockKind;
  @Field(() => String, { description: 'working-hours or working-days.' }) @IsIn(SLA_UNITS) unit!: SlaUnit;
  @Field(() => Float) @IsNumber() amount!: number;
}

@Resolver()
export class SlaResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly run: SlaBreachRun,
    private readonly clocks: SlaClockRepository,
  ) {}

  @Query(() => [SlaPolicyModel], { description: 'The SLA policy table.' })
  @Roles(...OFFICERS)
  slaPolicies() {
    return this.clocks.policies(this.dataSource.manager);
  }

  @Mutation(() => SlaPolicyModel, { description: 'Team leaders set an SLA target; clocks already running keep theirs.' })
  @Roles(...TEAM_LEADERS)
  async saveSlaPolicy(@Args('input') input: SaveSlaPolicyInput): Promise<SlaPolicy> {
    const problem = targetProblem(input);
    if (problem) throw new BadUserInputError('The SLA target cannot be saved as given', [{ field: 'amount', message: problem }]);
    const policy: SlaPolicy = { channel: input.channel ?? null, category: input.category ?? null, clock: input.clock, unit: input.unit, amount: input.amount };
    await this.clocks.savePolicy(this.dataSource.manager, policy);
    return policy;
  }

  @Mutation(() => SlaRunResultModel, { description: 'Runs the SLA check now (it also runs on a timer).' })
  @Roles(...TEAM_LEADERS)
  runSlaCheck() {
    return this.run.run();
  }
}

@ApiTags('queries')
@Controller('api/v1/queries/sla')
export class SlaController {
  constructor(private readonly run: SlaBreachRun) {}

  @Post('runs')
  @HttpCode(200)
  @Roles(...TEAM_LEADERS)
  @ApiOperation({ summary: 'Run the SLA check now: flags at-risk and breached enquiries and publishes the breaches' })
  @ApiOkResponse({ type: SlaRunResultModel })
  runNow() {
    return this.run.run();
  }
}
