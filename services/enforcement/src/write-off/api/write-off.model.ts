import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../enforcement.graphql';
import { ACCOUNT_ID, OFFICER_EXAMPLE, USER_ID } from '../../api-descriptions';
import { WRITE_OFF_REASONS } from '../domain/write-off';

/** The reason codes with what each means, for every description that names them. */
export const WRITE_OFF_REASON_CODES = Object.entries(WRITE_OFF_REASONS)
  .map(([code, meaning]) => `\`${code}\` (${meaning.charAt(0).toLowerCase()}${meaning.slice(1)})`)
  .join(', ');

const WRITE_OFF_ID = "The write-off's id (UUID).";
const AMOUNT = 'The sum to write off, in pence.';
const REASON = `Why: ${WRITE_OFF_REASON_CODES}.`;
const STATUS =
  '`requested` (waiting for a second person), `approved` (taken off the balance and the impositions) or `rejected`.';
const REQUESTED_BY = `Who asked for it: ${USER_ID}.`;
const DECIDED_BY = `Who approved or rejected it: ${USER_ID}; null while requested.`;

@ObjectType('FineWriteOff', {
  description:
    "A write-off of part or all of a fine account's balance: asked for by one officer, approved or rejected by another within their limit.",
})
export class WriteOffModel {
  @Field(() => ID, { description: WRITE_OFF_ID })
  @ApiProperty({ format: 'uuid', description: WRITE_OFF_ID })
  id!: string;
  @Field(() => ID, { description: ACCOUNT_ID })
  @ApiProperty({ format: 'uuid', description: ACCOUNT_ID })
  accountId!: string;
  @Field(() => Int, { description: AMOUNT })
  @ApiProperty({ type: 'integer', description: AMOUNT, example: 15000 })
  amountPence!: number;
  @Field({ description: REASON })
  @ApiProperty({ enum: Object.keys(WRITE_OFF_REASONS), description: REASON })
  reason!: string;
  @Field({ description: STATUS })
  @ApiProperty({ enum: ['requested', 'approved', 'rejected'], description: STATUS })
  status!: string;
  @Field({ description: REQUESTED_BY })
  @ApiProperty({ description: REQUESTED_BY, example: OFFICER_EXAMPLE })
  requestedBy!: string;
  @Field(() => String, { nullable: true, description: DECIDED_BY })
  @ApiProperty({ type: String, nullable: true, description: DECIDED_BY, example: null })
  decidedBy!: string | null;
}
