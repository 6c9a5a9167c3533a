import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { Args, Field, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CaseModel } from '../../case/api/case.model';
import { CASE_READERS } from '../../case/api/case.resolver';
import { Decision, DecisionCommands } from '../application/decision.commands';
import { InputType, ObjectType } from '../../cases.graphql';

// The decisions API in one file: inputs, output, GraphQL and REST.

@InputType({ description: 'A decision on a case, with what it rests on.' })
export class RecordDecisionBody {
  @Field() @ApiProperty({ example: 'Leave to remain curtailed' }) @IsString() @Length(1, 200) outcome!: string;
  @Field() @ApiProperty({ example: 'Immigration Rules, paragraph 9.4.1' }) @IsString() @Length(1, 500) legalBasis!: string;
  @Field() @ApiProperty() @IsString() @Length(1, 20_000) reasons!: string;
  @Field(() => [String], { description: 'References of the evidence relied on (document ids, bundle pages).' })
  @ApiProperty({ type: [String] })
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(200)
  evidenceReferences!: string[];
  @Field(() => ID, { nullable: true, description: 'The decision this one corrects.' }) @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() supersedes?: string;
}

@InputType()
export class RecordDecisionInput extends RecordDecisionBody {
  @Field(() => ID) @IsUUID() caseId!: string;
}

@ObjectType('CaseDecision', { description: 'A decision as made; never edited, only superseded.' })
export class DecisionModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() outcome!: string;
  @Field() @ApiProperty() legalBasis!: string;
  @Field() @ApiProperty() reasons!: string;
  @Field(() => [String]) @ApiProperty({ type: [String] }) evidenceReferences!: string[];
  @Field({ description: 'The decision maker.' }) @ApiProperty() decidedBy!: string;
  @Field() @ApiProperty() decidedAt!: Date;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() supersedes?: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() supersededBy?: string;
  @Field({ description: 'True unless a later decision superseded it.' }) @ApiProperty() current!: boolean;

  static from(decision: Decision): DecisionModel {
    return { ...decision, current: !decision.supersededBy };
  }
}

const DECISION_MAKERS = ['judiciary', 'caseworker', 'team-leader'] as const;

@Resolver(() => CaseModel)
export class DecisionResolver {
  constructor(private readonly commands: DecisionCommands) {}

  @Mutation(() => DecisionModel, { description: 'Records a decision; to correct one, record another that supersedes it.' })
  @Roles(...DECISION_MAKERS)
  async recordDecision(@Args('input') input: RecordDecisionInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const { caseId, ...command } = input;
    return DecisionModel.from(await this.commands.record(caseId, command, principal, correlationId));
  }

  @ResolveField(() => [DecisionModel], { description: 'Decisions on the case, oldest first, superseded ones included.' })
  async decisions(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return (await this.commands.list(parent.id, principal)).map(DecisionModel.from);
  }
}

@ApiTags('cases')
@Controller('api/v1/cases/:id/decisions')
export class DecisionController {
  constructor(private readonly commands: DecisionCommands) {}

  @Post()
  @Roles(...DECISION_MAKERS)
  @ApiOperation({ summary: 'Record a decision (a correction supersedes an earlier one)' })
  @ApiCreatedResponse({ type: DecisionModel })
  async record(@Param('id') id: string, @Body() body: RecordDecisionBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return DecisionModel.from(await this.commands.record(assertUuid(id), body, principal, correlationId));
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Decisions on a case, superseded ones included' })
  @ApiOkResponse({ type: [DecisionModel] })
  async list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.commands.list(assertUuid(id), principal)).map(DecisionModel.from);
  }
}
