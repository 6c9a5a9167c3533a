import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MAX_PENCE, PageParams } from '@ccsc/platform';
import { ACCOUNT_STATUSES } from '../domain/fine-account';

export class RegisterFixedPenaltyBody {
  @ApiProperty({ example: 'FP-2026-000123' }) @IsString() @Matches(/^[A-Z0-9-]{4,32}$/) penaltyReference!: string;
  @ApiProperty({ example: 'BU-LONDON-01' }) @IsString() @Length(1, 32) businessUnit!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() caseId?: string;
}

class AccountFilterParams {
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES }) @IsOptional() @IsIn(ACCOUNT_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) businessUnit?: string;
}
export class AccountListQuery extends IntersectionType(AccountFilterParams, PageParams) {}

export class ConsolidateBody {
  @ApiProperty({ type: [String], description: 'The accounts of the same defendant to consolidate into this one.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  accountIds!: string[];
}
