import { Field, Int } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { integerFromQuery, IsLocalDay, PageParams } from '@ccsc/platform';
import { InputType } from '../../complaints.graphql';
import { STAGES } from '../../complaint/domain/clocks';
import { COMPLAINT_STATUSES } from '../../complaint/domain/complaint';
import type { ComplaintSearchCriteria } from '../domain/complaint-search-criteria';

// Only types and lengths are checked here; what a value means (a reference, a long enough name, a
// stage the process has) is checked by toSearchFilter, so GraphQL and REST refuse the same things with
// the same field errors.

const REFERENCE =
  'The complaint reference, in any case, with or without spaces: CMP-000123, "cmp 000123" and "CMP-123" are the same.';
const COMPLAINANT =
  'Part of the complainant\'s name, in any case: "jon" finds Mrs Eleri Jones. Every word must occur in the name; one of at least 3 characters, at most 6 words.';
const CASE_REFERENCE =
  'The 16-digit reference of a case the complaint is about, with or without dashes or spaces; a case this service has not heard of finds nothing.';
const STAGE = `Complaints at this stage now (their current stage): ${STAGES.join(', ')}.`;
const STATUS = `Complaints with this status: ${COMPLAINT_STATUSES.join(' or ')} (closed once an officer closed it with its root cause).`;
const RECEIVED_FROM = 'Complaints received on or after this day (YYYY-MM-DD, London time).';
const RECEIVED_TO = 'Complaints received on or before this day (YYYY-MM-DD, London time); not before receivedFrom.';

/**
 * A query string's number: blank is not given, as for the other criteria; otherwise decimal digits only
 * (`0x2` or `2e0` stay text, for @IsInt to refuse). GraphQL's Int passes through.
 */
const toOptionalNumber = ({ value }: { value: unknown }) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
    ? undefined
    : integerFromQuery(value);

@InputType({
  description: 'What to search complaints by. Give at least one criterion; a complaint must match all of them.',
})
export class ComplaintSearchInput implements ComplaintSearchCriteria {
  @Field({ nullable: true, description: REFERENCE })
  @ApiPropertyOptional({ example: 'CMP-000123', description: REFERENCE })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reference?: string;

  @Field({ nullable: true, description: COMPLAINANT })
  @ApiPropertyOptional({ example: 'jones', description: COMPLAINANT })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  complainant?: string;

  @Field({ nullable: true, description: CASE_REFERENCE })
  @ApiPropertyOptional({ example: '1234-5678-9012-3452', description: CASE_REFERENCE })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  caseReference?: string;

  @Field(() => Int, { nullable: true, description: STAGE })
  @ApiPropertyOptional({ type: Number, enum: STAGES, example: 1, description: STAGE })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  stage?: number;

  @Field({ nullable: true, description: STATUS })
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES, example: 'open', description: STATUS })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  status?: string;

  @Field({ nullable: true, description: RECEIVED_FROM })
  @ApiPropertyOptional({ example: '2026-11-01', format: 'date', description: RECEIVED_FROM })
  @IsOptional()
  @IsLocalDay()
  receivedFrom?: string;

  @Field({ nullable: true, description: RECEIVED_TO })
  @ApiPropertyOptional({ example: '2026-11-30', format: 'date', description: RECEIVED_TO })
  @IsOptional()
  @IsLocalDay()
  receivedTo?: string;
}

/** REST query string of GET /api/v1/complaints/search. */
export class SearchComplaintsParams extends IntersectionType(ComplaintSearchInput, PageParams) {}
