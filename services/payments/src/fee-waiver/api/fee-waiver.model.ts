import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_ID, CURSOR_EXAMPLE, FEE_CODE, FEE_WAIVER_ID, NEXT_CURSOR, PENCE, USER_ID } from '../../api-descriptions';
import { ObjectType } from '../../payments.graphql';
import { FEE_WAIVER_STATUSES, FeeWaiver } from '../domain/fee-waiver';

const COMPLAINT = 'The id (UUID) of the complaint, in the complaints service, whose remedy it is.';
const REMEDY = "The id (UUID) of the complaint's agreed remedy that waives the fee.";
const AMOUNT = `How much of the fee the remedy waives. ${PENCE}`;
const STATUS =
  '`awaiting-approval`, `approved` (the fee is remitted, up to what was left of it) or `rejected` (nothing remitted).';
const REQUESTED_BY = `The officer who agreed the remedy, by ${USER_ID}; \`system\` when none was named. They may not approve it.`;
const DECIDED_BY = `Who approved or rejected it, by ${USER_ID}. Not given until decided.`;
const REMITTED = `What the approval remitted: the waiver, or less when part of the fee had been remitted meanwhile. Only once approved. ${PENCE}`;

@ObjectType('FeeWaiver', {
  description: "A fee waived as a complaint's remedy, remitted once a second person approves.",
})
export class FeeWaiverModel {
  @Field(() => ID, { description: FEE_WAIVER_ID })
  @ApiProperty({ description: FEE_WAIVER_ID, format: 'uuid' })
  id!: string;
  @Field(() => ID, { description: COMPLAINT })
  @ApiProperty({ description: COMPLAINT, format: 'uuid' })
  complaintId!: string;
  @Field(() => ID, { description: REMEDY }) @ApiProperty({ description: REMEDY, format: 'uuid' }) remedyId!: string;
  @Field(() => ID, { description: CASE_ID }) @ApiProperty({ description: CASE_ID, format: 'uuid' }) caseId!: string;
  @Field({ description: `The fee waived. ${FEE_CODE}` })
  @ApiProperty({ example: 'FEE0209', description: `The fee waived. ${FEE_CODE}` })
  feeCode!: string;
  @Field(() => Int, { description: AMOUNT }) @ApiProperty({ description: AMOUNT, example: 25500 }) amountPence!: number;
  @Field({ description: STATUS })
  @ApiProperty({ enum: FEE_WAIVER_STATUSES, description: STATUS })
  status!: string;
  @Field({ description: REQUESTED_BY })
  @ApiProperty({ description: REQUESTED_BY, example: 'complaints-officer-kim' })
  requestedBy!: string;
  @Field({ nullable: true, description: DECIDED_BY })
  @ApiPropertyOptional({ description: DECIDED_BY, example: 'leader-lee' })
  decidedBy?: string;
  @Field(() => Int, { nullable: true, description: REMITTED })
  @ApiPropertyOptional({ description: REMITTED, example: 25500 })
  remittedPence?: number;

  static from(w: FeeWaiver): FeeWaiverModel {
    return {
      id: w.id,
      complaintId: w.complaintId,
      remedyId: w.remedyId,
      caseId: w.caseId,
      feeCode: w.feeCode,
      amountPence: w.amountPence,
      status: w.status,
      requestedBy: w.requestedBy,
      decidedBy: w.decidedBy ?? undefined,
      remittedPence: w.remittedPence ?? undefined,
    };
  }
}

/** A page of the approvers' queue of fee waivers over REST. */
export class FeeWaiverPageModel {
  @ApiProperty({
    type: [FeeWaiverModel],
    description: 'Fee waivers awaiting approval, oldest first; approve only those whose remedy you did not agree.',
  })
  items!: FeeWaiverModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}
