import { Field, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { WRITE_OFF_REASONS } from '../domain/write-off';
import { InputType } from '../../enforcement.graphql';
import { WRITE_OFF_REASON_CODES } from './write-off.model';

const AMOUNT =
  'The sum to write off, in pence (a whole number, at least 1): at most the balance less the write-offs on the account still waiting for a decision.';
const REASON = `Why, as a reason code: ${WRITE_OFF_REASON_CODES}.`;

@InputType('RequestFineWriteOffInput', { description: 'A write-off to ask for: how much, and why.' })
export class WriteOffBody {
  @Field(() => Int, { description: AMOUNT })
  @ApiProperty({ example: 15000, description: AMOUNT })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field({ description: REASON })
  @ApiProperty({ enum: Object.keys(WRITE_OFF_REASONS), description: REASON })
  @IsString()
  @Length(1, 32)
  reason!: string;
}

@InputType('DecideFineWriteOffInput', { description: "An approver's decision on a write-off." })
export class WriteOffDecisionBody {
  @Field({ description: 'true approves the write-off; false rejects it.' })
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;
}
