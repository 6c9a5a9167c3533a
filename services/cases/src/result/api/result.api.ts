import { Body, Controller, Param, Post } from '@nestjs/common';
import { Args, Field, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { IMPOSITION_KINDS, ImpositionKind } from '@ccsc/contracts';
import { assertUuid, MAX_PENCE, TotalPenceAtMost } from '@ccsc/platform';
import { ResultCommands } from '../application/result.commands';
import { InputType, ObjectType, registerEnumType } from '../../cases.graphql';

// One folder, one file for the result API: inputs, output, GraphQL mutation and REST endpoint.

const ImpositionKindEnum = Object.fromEntries(IMPOSITION_KINDS.map((k) => [k.replace(/-/g, '_'), k])) as Record<string, ImpositionKind>;
registerEnumType(ImpositionKindEnum, { name: 'ImpositionKind', description: 'A kind of financial penalty a court can impose.' });

@InputType('ImpositionInput')
@ObjectType('Imposition', { description: 'A financial penalty: whole pence, and who it is owed to.' })
export class ImpositionModel {
  @Field(() => ImpositionKindEnum) @ApiProperty({ enum: IMPOSITION_KINDS }) @IsIn(IMPOSITION_KINDS) kind!: ImpositionKind;
  // Up to £10m in pence, each and in total: beyond any magistrates' court order, and safely inside a GraphQL Int.
  @Field(() => Int, { description: 'Amount in pence.' }) @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @Field({ description: '`central-funds`, the prosecutor, or the party compensation is paid to.' })
  @ApiProperty({ example: 'central-funds' })
  @IsString()
  @Length(1, 64)
  creditor!: string;
}

@InputType({ description: 'A court result.' })
export class RecordResultBody {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) @IsUUID() defendantPartyId!: string;
  @Field() @ApiProperty({ example: 'Guilty plea: fined' }) @IsString() @Length(1, 200) outcome!: string;
  @Field(() => [ImpositionModel]) @ApiProperty({ type: [ImpositionModel] }) @ValidateNested({ each: true }) @Type(() => ImpositionModel) @ArrayMaxSize(50) @TotalPenceAtMost() impositions!: ImpositionModel[];
}

@InputType({ description: 'A court result on a case.' })
export class RecordResultInput extends RecordResultBody {
  @Field(() => ID) @IsUUID() caseId!: string;
}

@ObjectType('CaseResult', { description: 'A court result as recorded.' })
export class CaseResultModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() caseId!: string;
  @Field(() => ID) @ApiProperty() defendantPartyId!: string;
  @Field() @ApiProperty() outcome!: string;
  @Field(() => [ImpositionModel]) @ApiProperty({ type: [ImpositionModel] }) impositions!: ImpositionModel[];
  @Field() @ApiProperty() resultedBy!: string;
  @Field() @ApiProperty() resultedAt!: Date;
}

const RESULTERS = ['judiciary', 'caseworker'] as const;

@Resolver(() => CaseResultModel)
export class ResultResolver {
  constructor(private readonly results: ResultCommands) {}

  @Mutation(() => CaseResultModel, { description: 'Records a court result; financial impositions go to enforcement.' })
  @Roles(...RESULTERS)
  recordCaseResult(@Args('input') input: RecordResultInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const { caseId, ...command } = input;
    return this.results.record(caseId, command, principal, correlationId);
  }
}

@ApiTags('cases')
@Controller('api/v1/cases/:id/results')
export class ResultController {
  constructor(private readonly results: ResultCommands) {}

  @Post()
  @Roles(...RESULTERS)
  @ApiOperation({ summary: 'Record a court result' })
  @ApiCreatedResponse({ type: CaseResultModel })
  record(@Param('id') id: string, @Body() body: RecordResultBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.results.record(assertUuid(id), body, principal, correlationId);
  }
}
