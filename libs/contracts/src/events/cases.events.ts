import { IsArray, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../event-type';

// Events the cases service publishes. They carry identifiers and states, not personal data.

export class CaseCreatedV1 {
  @IsUUID() caseId!: string;
  @Matches(/^\d{16}$/) reference!: string;
  @IsString() @Length(1, 64) caseType!: string;
  @IsString() @Length(1, 64) state!: string;
}
export const caseCreatedV1 = defineEvent('cases', 'case-created', 1, CaseCreatedV1);

export class CaseStateChangedV1 {
  @IsUUID() caseId!: string;
  @Matches(/^\d{16}$/) reference!: string;
  @IsString() @Length(1, 64) event!: string;
  @IsString() @Length(1, 64) from!: string;
  @IsString() @Length(1, 64) to!: string;
  /** Fee codes the event made due (payments adds them to the case's service request). */
  @IsOptional() @IsArray() @Matches(/^FEE\d{4}$/, { each: true }) feesDue?: string[];
}
export const caseStateChangedV1 = defineEvent('cases', 'case-state-changed', 1, CaseStateChangedV1);
