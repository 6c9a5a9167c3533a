import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { InputType } from '../../payments.graphql';
import { ALLOCATION_TARGETS, AllocationTarget } from '../domain/allocation';

@InputType('PaymentAllocationInput', {
  description: 'Where (part of) a payment goes: a case, a fine account, or unidentified with a reason.',
})
export class AllocateBody {
  @Field(() => String, { description: ALLOCATION_TARGETS.join(', ') })
  @ApiProperty({ enum: ALLOCATION_TARGETS })
  @IsIn(ALLOCATION_TARGETS)
  target!: AllocationTarget;
  @Field(() => ID, { nullable: true, description: 'For a service request: the case.' })
  @ApiPropertyOptional({ description: 'For a service request: the case.' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
  @Field({ nullable: true, description: "For a fine account: enforcement's account number." })
  @ApiPropertyOptional({ description: "For a fine account: enforcement's account number." })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  fineAccountNumber?: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to all that is left of the payment.' })
  @ApiPropertyOptional({ description: 'Defaults to all that is left of the payment.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
  @Field({ nullable: true, description: 'Required for unidentified: why it could not be placed.' })
  @ApiPropertyOptional({ description: 'Required for unidentified: why it could not be placed.' })
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
