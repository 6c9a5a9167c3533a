import { Field, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../complaints.graphql';

const RAN_AT = 'The moment the run checked the deadlines against.';
const AT_RISK_CHANGED =
  'Unanswered stages whose at-risk flag this run turned on (into their last two working days) or off, not counting those it found breached.';
const BREACHED =
  'Unanswered stages this run found past their deadline for the first time; each is announced once, with a timeline entry and an event.';

@ObjectType('ComplaintSlaRun', { description: 'What one run of the complaint stage flags changed.' })
export class ComplaintSlaRunModel {
  @Field({ description: RAN_AT })
  @ApiProperty({ example: '2026-12-04T07:00:00.000Z', description: RAN_AT })
  ranAt!: Date;
  @Field(() => Int, { description: AT_RISK_CHANGED })
  @ApiProperty({ example: 3, description: AT_RISK_CHANGED })
  atRiskChanged!: number;
  @Field(() => Int, { description: BREACHED })
  @ApiProperty({ example: 1, description: BREACHED })
  breached!: number;
}
