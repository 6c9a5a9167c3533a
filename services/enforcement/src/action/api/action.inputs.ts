import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { ACTION_IDS } from '../domain/enforcement-actions';
import { InputType } from '../../enforcement.graphql';

export class TakeActionBody {
  @ApiProperty({ enum: ACTION_IDS }) @IsString() @Length(1, 40) action!: string;
  @ApiPropertyOptional({
    description:
      'What the action records, e.g. employer, deductionPence and protectedEarningsPence for an attachment of earnings.',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  details?: Record<string, string | number>;
}

@InputType('FineActionDetailInput', {
  description: 'One thing an action records: text (employer, benefit) or pence (deduction, protected earnings).',
})
export class ActionDetailInput {
  @Field() @IsString() @Length(1, 40) name!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) text?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PENCE) pence?: number;
}

@InputType('TakeEnforcementActionInput')
export class TakeActionInput {
  @Field(() => ID) @IsUUID() accountId!: string;
  @Field() @IsString() @Length(1, 40) action!: string;
  @Field(() => [ActionDetailInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ActionDetailInput)
  @ArrayMaxSize(10)
  details?: ActionDetailInput[];
}

export function detailsFrom(details: readonly ActionDetailInput[] = []): Record<string, string | number> {
  return Object.fromEntries(details.map((d) => [d.name, d.pence ?? d.text ?? '']));
}
