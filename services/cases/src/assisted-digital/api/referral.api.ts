import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { Args, Field, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { CaseModel } from '../../case/api/case.model';
import { CASE_READERS } from '../../case/api/case.resolver';
import { ReferralCommands } from '../application/referral.commands';
import { DIGITAL_NEEDS, DigitalNeed, REFERRAL_STATUSES, ReferralStatus } from '../domain/referral';
import { InputType, ObjectType } from '../../cases.graphql';

// The assisted-digital API in one file: inputs, output, GraphQL and REST.

@InputType({ description: "An officer's assessment of a user's needs, and their referral to the supplier." })
export class ReferBody {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) @IsUUID() partyId!: string;
  @Field(() => [String], { description: DIGITAL_NEEDS.join(', ') })
  @ApiProperty({ enum: DIGITAL_NEEDS, isArray: true })
  @IsIn(DIGITAL_NEEDS, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(DIGITAL_NEEDS.length)
  needs!: DigitalNeed[];
}

@InputType()
export class ReferInput extends ReferBody {
  @Field(() => ID) @IsUUID() caseId!: string;
}

@InputType({ description: 'Progress of a referral, as the supplier reports it.' })
export class ReferralStatusBody {
  @Field(() => String, { description: REFERRAL_STATUSES.join(', ') }) @ApiProperty({ enum: REFERRAL_STATUSES }) @IsIn(REFERRAL_STATUSES) status!: ReferralStatus;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) supplierReference?: string;
}

@InputType()
export class ReferralStatusInput extends ReferralStatusBody {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() referralId!: string;
}

@ObjectType('AssistedDigitalReferral', { description: 'A referral to the assisted-digital supplier.' })
export class ReferralModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() partyId!: string;
  @Field(() => [String]) @ApiProperty({ enum: DIGITAL_NEEDS, isArray: true }) needs!: string[];
  @Field() @ApiProperty({ enum: REFERRAL_STATUSES }) status!: string;
  @Field({ nullable: true }) @ApiPropertyOptional() supplierReference?: string;
  @Field() @ApiProperty() createdAt!: Date;
  @Field() @ApiProperty() updatedAt!: Date;
}

const OFFICERS = ['caseworker', 'team-leader', 'system'] as const;

@Resolver(() => CaseModel)
export class ReferralResolver {
  constructor(private readonly commands: ReferralCommands) {}

  @Mutation(() => ReferralModel, { description: 'Records a needs assessment and refers the user to the assisted-digital supplier.' })
  @Roles(...OFFICERS)
  referForAssistedDigital(@Args('input') input: ReferInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.commands.refer(input.caseId, input.partyId, input.needs, principal, correlationId);
  }

  @Mutation(() => ReferralModel, { description: 'Records the progress of a referral.' })
  @Roles(...OFFICERS)
  updateAssistedDigitalReferral(@Args('input') input: ReferralStatusInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.commands.update(input.caseId, input.referralId, input.status, input.supplierReference, principal, correlationId);
  }

  @ResolveField(() => [ReferralModel], { description: "Assisted-digital referrals of the case: staff see all; anyone else only those of the parties they act for (a party's needs are its own)." })
  assistedDigitalReferrals(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return this.commands.list(parent.id, principal);
  }
}

@ApiTags('cases')
@Controller('api/v1/cases/:id/assisted-digital-referrals')
export class ReferralController {
  constructor(private readonly commands: ReferralCommands) {}

  @Post()
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Refer a user to the assisted-digital supplier' })
  @ApiCreatedResponse({ type: ReferralModel })
  refer(@Param('id') id: string, @Body() body: ReferBody, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    return this.commands.refer(assertUuid(id), body.partyId, body.needs, principal, correlationId);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Assisted-digital referrals of a case', description: 'Staff see all; anyone else only those of the parties they act for.' })
  @ApiOkResponse({ type: [ReferralModel] })
  list(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.commands.list(assertUuid(id), principal);
  }

  @Post(':referralId/status')
  @Roles(...OFFICERS)
  @ApiOperation({ summary: 'Record the progress of a referral' })
  @ApiCreatedResponse({ type: ReferralModel })
  update(
    @Param('id') id: string,
    @Param('referralId') referralId: string,
    @Body() body: ReferralStatusBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.update(assertUuid(id), assertUuid(referralId, 'referralId'), body.status, body.supplierReference, principal, correlationId);
  }
}
