import { Field } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { ArgsType } from '../../complaints.graphql';
import type { MiPeriod } from '../domain/mi-period';

@ArgsType()
export class ComplaintMiArgs {
  @Field(() => String, { description: 'day or month.' }) @IsIn(['day', 'month']) period!: MiPeriod;
  @Field({ description: 'The day (YYYY-MM-DD) or month (YYYY-MM).' }) @IsString() @Length(7, 10) start!: string;
}

export class ComplaintMiQuery {
  @ApiProperty({ example: '2025-12', description: 'The day (YYYY-MM-DD) or month (YYYY-MM).' })
  @IsString()
  @Length(7, 10)
  start!: string;
}
