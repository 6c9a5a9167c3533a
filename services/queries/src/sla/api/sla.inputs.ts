import { Field, Float } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, Matches } from 'class-validator';
import { ENQUIRY_CHANNELS, type EnquiryChannel } from '@ccsc/contracts';
import { InputType } from '../../queries.graphql';
import { SLA_CLOCKS, SLA_UNITS, type SlaClockKind, type SlaUnit } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';
import { POLICY } from './sla.model';

const CATEGORY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** PUT /api/v1/queries/sla/policies and the GraphQL `saveSlaPolicy` input. */
@InputType('SaveSlaPolicyInput', {
  description: 'An SLA target for a channel and/or category; it applies to enquiries raised from then on.',
})
export class SaveSlaPolicyInput {
  @Field(() => String, { nullable: true, description: 'Null for every channel.' })
  @ApiPropertyOptional({ enum: ENQUIRY_CHANNELS, nullable: true, description: 'Null or absent for every channel.' })
  @IsOptional()
  @IsIn(ENQUIRY_CHANNELS)
  channel?: EnquiryChannel | null;
  @Field(() => String, { nullable: true, description: 'Null for every category.' })
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: CATEGORY.source,
    description: 'Null or absent for every category.',
  })
  @IsOptional()
  @Matches(CATEGORY, { message: 'category must be a lower-case code' })
  category?: string | null;
  @Field(() => String, { description: 'first-response or resolution.' })
  @ApiProperty({ enum: SLA_CLOCKS })
  @IsIn(SLA_CLOCKS)
  clock!: SlaClockKind;
  @Field(() => String, { description: 'working-hours or working-days.' })
  @ApiProperty({ enum: SLA_UNITS })
  @IsIn(SLA_UNITS)
  unit!: SlaUnit;
  @Field(() => Float, { description: POLICY.amount })
  @ApiProperty({ description: POLICY.amount, example: 10 })
  @IsNumber()
  amount!: number;
}

export function slaPolicyOf(input: SaveSlaPolicyInput): SlaPolicy {
  return {
    channel: input.channel ?? null,
    category: input.category ?? null,
    clock: input.clock,
    unit: input.unit,
    amount: input.amount,
  };
}
