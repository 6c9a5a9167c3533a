import { Field, Float, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';
import { SLA_CLOCKS, SLA_UNITS } from '../domain/sla-clock';

@ObjectType('SlaRunResult', { description: 'What one SLA run flagged.' })
export class SlaRunResultModel {
  @Field(() => Int, { description: 'Clocks newly at risk.' }) @ApiProperty() atRisk!: number;
  @Field(() => Int, { description: 'Clocks newly breached (each published as enquiry-sla-breached).' })
  @ApiProperty()
  breached!: number;
  @Field() @ApiProperty() ranAt!: Date;
}

@ObjectType('SlaPolicy', { description: 'An SLA target for a channel and/or category (null: any).' })
export class SlaPolicyModel {
  @Field(() => String, { nullable: true })
  @ApiProperty({ type: String, nullable: true, description: 'Null for every channel.' })
  channel!: string | null;
  @Field(() => String, { nullable: true })
  @ApiProperty({ type: String, nullable: true, description: 'Null for every category.' })
  category!: string | null;
  @Field() @ApiProperty({ enum: SLA_CLOCKS }) clock!: string;
  @Field() @ApiProperty({ enum: SLA_UNITS }) unit!: string;
  @Field(() => Float) @ApiProperty() amount!: number;
}
