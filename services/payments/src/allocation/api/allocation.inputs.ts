import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { ALLOCATION_TARGET, PENCE } from '../../api-descriptions';
import { InputType } from '../../payments.graphql';
import { ALLOCATION_TARGETS, AllocationTarget } from '../domain/allocation';

const TO_CASE = "Required for `service-request`, refused otherwise: the case's id (UUID), a case the service knows.";
const TO_FINE_ACCOUNT =
  "Required for `fine-account`, refused otherwise: enforcement's fine account number, e.g. FA00012345E.";
const AMOUNT = `How much to allocate; by default all that is left of the payment. A transfer always moves the whole allocation: leave it out, or give that amount. ${PENCE}`;
const REASON = 'Required for `unidentified`: why the money could not be placed, up to 500 characters.';

@InputType('PaymentAllocationInput', {
  description: 'Where (part of) a payment goes: a case, a fine account, or unidentified with a reason.',
})
export class AllocateBody {
  @Field(() => String, { description: ALLOCATION_TARGET })
  @ApiProperty({ enum: ALLOCATION_TARGETS, description: ALLOCATION_TARGET })
  @IsIn(ALLOCATION_TARGETS)
  target!: AllocationTarget;
  @Field(() => ID, { nullable: true, description: TO_CASE })
  @ApiPropertyOptional({ description: TO_CASE, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
  @Field({ nullable: true, description: TO_FINE_ACCOUNT })
  @ApiPropertyOptional({ description: TO_FINE_ACCOUNT, example: 'FA00012345E' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  fineAccountNumber?: string;
  @Field(() => Int, { nullable: true, description: AMOUNT })
  @ApiPropertyOptional({ description: AMOUNT, example: 45500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field({ nullable: true, description: REASON })
  @ApiPropertyOptional({ description: REASON, example: 'Cheque with no reference; drawer not found' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

@InputType('VerifyAllocationInput', { description: "A second officer's decision on an allocation." })
export class VerifyBody {
  @Field({ description: 'true verifies the allocation; false rejects it and frees the amount.' })
  @ApiProperty({ description: 'true verifies the allocation; false rejects it and frees the amount.' })
  @IsBoolean()
  approve!: boolean;
}
