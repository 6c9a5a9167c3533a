import { ArrayMinSize, IsArray, IsIn, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../event-type';

// Events the payments service publishes (the service itself is not built yet; cases consumes these).

export class FeesSettledV1 {
  @IsUUID() caseId!: string;
  @IsArray() @ArrayMinSize(1) @Matches(/^FEE\d{4}$/, { each: true }) feeCodes!: string[];
  /** Paid in full, or remitted through Help with Fees. */
  @IsIn(['paid', 'remitted']) settlement!: 'paid' | 'remitted';
}
export const feesSettledV1 = defineEvent('payments', 'fees-settled', 1, FeesSettledV1);
