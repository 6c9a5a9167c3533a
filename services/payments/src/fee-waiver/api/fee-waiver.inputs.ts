import { Field } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { InputType } from '../../payments.graphql';

@InputType('FeeWaiverDecisionInput', { description: "An approver's decision on a complaint remedy's fee waiver." })
export class FeeWaiverDecisionBody {
  @Field({ description: 'true remits the fee (up to what is left of it); false rejects the waiver.' })
  @ApiProperty({ description: 'true remits the fee (up to what is left of it); false rejects the waiver.' })
  @IsBoolean()
  approve!: boolean;
}
