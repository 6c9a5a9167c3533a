import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min } from 'class-validator';
import { BULK_SCAN_METHODS, BulkScanMethod, REVERSAL_REASONS, ReversalReason } from '../domain/payment';
import { ACCOUNT_STATUSES, AccountStatus } from '../domain/payment-account';
import { MAX_PENCE } from '@ccsc/platform';

const ACCOUNT_NUMBER = /^PBA\d{7}$/;
const ACCOUNT_NUMBER_MESSAGE = 'accountNumber must be PBA followed by seven digits';

export class PayByAccountBody {
  @ApiProperty({ example: 'PBA0012345', pattern: ACCOUNT_NUMBER.source })
  @Matches(ACCOUNT_NUMBER, { message: ACCOUNT_NUMBER_MESSAGE })
  accountNumber!: string;
  @ApiPropertyOptional({ description: 'Defaults to what is outstanding.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
}

export class CardPaymentBody {
  @ApiPropertyOptional({ description: 'Defaults to what is outstanding.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence?: number;
  @ApiProperty({ example: 'https://www.example.gov.uk/claims/return' })
  @IsUrl({ protocols: ['https'], require_tld: false, require_protocol: true })
  returnUrl!: string;
}

export class FineAccountCardPaymentBody {
  @ApiProperty({ description: 'What to pay towards the fine account, in pence.' })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @ApiProperty({ example: 'https://www.example.gov.uk/fines/return' })
  @IsUrl({ protocols: ['https'], require_tld: false, require_protocol: true })
  returnUrl!: string;
}

export class BulkScanBody {
  @ApiProperty({ enum: BULK_SCAN_METHODS }) @IsIn(BULK_SCAN_METHODS) method!: BulkScanMethod;
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_PENCE) amountPence!: number;
  @ApiPropertyOptional({ description: 'The 16-digit case reference on the slip, dashes allowed.' })
  @IsOptional()
  @Matches(/^\d{4}-?\d{4}-?\d{4}-?\d{4}$/)
  caseReference?: string;
  @ApiPropertyOptional({ description: 'A fine account number on the slip: the payment goes to that fine account.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  fineAccountNumber?: string;
  @ApiPropertyOptional({ description: 'Whatever else was written on it, as scanned.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;
}

export class ReversalBody {
  @ApiProperty({ enum: REVERSAL_REASONS }) @IsIn(REVERSAL_REASONS) reason!: ReversalReason;
}

export class OpenAccountBody {
  @ApiProperty({ example: 'PBA0012345' })
  @Matches(ACCOUNT_NUMBER, { message: ACCOUNT_NUMBER_MESSAGE })
  accountNumber!: string;
  @ApiProperty() @IsString() @Length(1, 64) organisationId!: string;
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) creditLimitPence!: number;
}

export class ChangeAccountBody {
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES }) @IsOptional() @IsIn(ACCOUNT_STATUSES) status?: AccountStatus;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_PENCE) creditLimitPence?: number;
}

export class ClaimAmountBody {
  @ApiProperty({ description: 'The amount claimed, in pence: the ranged fee is priced for it.' })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  claimAmountPence!: number;
}
