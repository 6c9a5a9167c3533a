import { Field, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { WRITE_OFF_REASONS } from '../domain/write-off';
import { InputType } from '../../enforcement.graphql';

@InputType('RequestFineWriteOffInput')
export class WriteOffBody {
  @Field(() => Int) @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @Field() @ApiProperty({ enum: Object.keys(WRITE_OFF_REASONS) }) @IsString() @Length(1, 32) reason!: string;
}

@InputType('DecideFineWriteOffInput')
export class WriteOffDecisionBody {
  @Field({ description: 'true approves the write-off; false rejects it.' })
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;
}
