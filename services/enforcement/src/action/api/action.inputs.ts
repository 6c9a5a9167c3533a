import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_PENCE, NestedInputs } from '@ccsc/platform';
import { ACTION_IDS, ACTIONS } from '../domain/enforcement-actions';
import { InputType } from '../../enforcement.graphql';
import { ACCOUNT_ID } from '../../api-descriptions';

/** What each action must record, from the actions' definitions: every other action records nothing. */
const RECORDS = Object.values(ACTIONS)
  .filter((a) => a.details.length > 0)
  .map((a) => `${a.id}: ${a.details.join(', ')}`)
  .join('; ');
const ACTION_CHOICE = `The action to take: one the last action permits (the account's permittedActions), one of ${ACTION_IDS.join(', ')}. registration and fixed-penalty-increase are for fixed-penalty accounts only; the same action is taken at most once a day on an account.`;

export class TakeActionBody {
  @ApiProperty({ enum: ACTION_IDS, description: ACTION_CHOICE }) @IsString() @Length(1, 40) action!: string;
  @ApiPropertyOptional({
    description: `What the action records, by name: exactly those it records and no others (${RECORDS}); pence as whole numbers.`,
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
  @Field({ description: `The detail's name, as the action records it (${RECORDS}).` })
  @IsString()
  @Length(1, 40)
  name!: string;
  @Field({
    nullable: true,
    description: 'Its value as text (1 to 200 characters), e.g. the employer; give text or pence.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Its value in pence, a whole number from 1, for deductionPence and protectedEarningsPence; used before text when both are given.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  pence?: number;
}

@InputType('TakeEnforcementActionInput', { description: 'An enforcement action to take on a live fine account.' })
export class TakeActionInput {
  @Field(() => ID, { description: ACCOUNT_ID }) @IsUUID() accountId!: string;
  @Field({ description: ACTION_CHOICE }) @IsString() @Length(1, 40) action!: string;
  @Field(() => [ActionDetailInput], {
    nullable: true,
    description: `What the action records, up to 10, each by name: exactly those it records and no others (${RECORDS}).`,
  })
  @IsOptional()
  @NestedInputs(() => ActionDetailInput)
  @ArrayMaxSize(10)
  details?: ActionDetailInput[];
}

/** The details as a record; none when left out or null (GraphQL's nullable argument). */
export function detailsFrom(details?: readonly ActionDetailInput[] | null): Record<string, string | number> {
  return Object.fromEntries((details ?? []).map((d) => [d.name, d.pence ?? d.text ?? '']));
}
