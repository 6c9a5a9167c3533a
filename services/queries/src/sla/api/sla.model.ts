import { Field, Float, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';

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
  @Field(() => String, { nullable: true }) channel!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field() clock!: string;
  @Field() unit!: string;
  @Field(() => Float) amount!: number;
}
