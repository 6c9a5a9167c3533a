import { Field } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDay, PageParams } from '@ccsc/platform';
import type { CaseSearchCriteria } from '../domain/case-search-criteria';
import { InputType } from '../../cases.graphql';
import { CASE_STATE, CASE_TYPE_ID } from '../../api-descriptions';

// Only lengths are checked here; what a value means (a valid reference, a long enough name) is
// checked by toSearchFilter, so GraphQL and REST refuse the same things with the same field errors.

@InputType({ description: 'What to search cases by. Give at least one criterion; a case must match all of them.' })
export class CaseSearchInput implements CaseSearchCriteria {
  @Field({ nullable: true, description: '16-digit case reference, with or without dashes or spaces.' })
  @ApiPropertyOptional({ example: '1234-5678-9012-3452' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reference?: string;

  @Field({
    nullable: true,
    description:
      'Part of the name of a party, in any case: "smi" finds Alex Smith. Every word must occur in that one name.',
  })
  @ApiPropertyOptional({ example: 'smi' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partyName?: string;

  @Field({ nullable: true, description: "A party's postcode, in any case, with or without spaces." })
  @ApiPropertyOptional({ example: 'SW1A 1AA' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  postcode?: string;

  @Field({ nullable: true, description: `Cases in this state. ${CASE_STATE}` })
  @ApiPropertyOptional({ example: 'Submitted', description: `Cases in this state. ${CASE_STATE}` })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  state?: string;

  @Field({ nullable: true, description: `Cases of this type. ${CASE_TYPE_ID}` })
  @ApiPropertyOptional({ example: 'civil-money-claim', description: `Cases of this type. ${CASE_TYPE_ID}` })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  caseType?: string;

  @Field({ nullable: true, description: 'Cases with a hearing on this day (YYYY-MM-DD, London time).' })
  @ApiPropertyOptional({ example: '2027-03-15', format: 'date' })
  @IsOptional()
  @IsLocalDay()
  hearingDate?: string;
}

/** REST query string of GET /api/v1/cases/search. */
export class SearchCasesParams extends IntersectionType(CaseSearchInput, PageParams) {}
