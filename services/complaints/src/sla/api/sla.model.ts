import { Field, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../complaints.graphql';

@ObjectType('ComplaintSlaRun', { description: 'What one run of the complaint stage flags changed.' })
export class ComplaintSlaRunModel {
  @Field() @ApiProperty() ranAt!: Date;
  @Field(() => Int, { description: 'Stages whose at-risk flag turned on or off.' })
  @ApiProperty()
  atRiskChanged!: number;
  @Field(() => Int, { description: 'Stages newly past their deadline, each announced once.' })
  @ApiProperty()
  breached!: number;
}
