import { Field } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDay, PageParams } from '@ccsc/platform';
import { ENQUIRY_CHANNELS, ENQUIRY_STATUSES } from '../../enquiry/domain/enquiry';
import type { EnquirySearchCriteria } from '../domain/enquiry-search-criteria';
import { InputType } from '../../queries.graphql';

// Only lengths are checked here; what a value means (a reference, a long enough name, a known status) is
// checked by toEnquirySearchFilter, so GraphQL and REST refuse the same things with the same field errors.

@InputType({
  description: 'What to search enquiries by. Give at least one criterion; an enquiry must match all of them.',
})
export class EnquirySearchInput implements EnquirySearchCriteria {
  @Field({
    nullable: true,
    description: 'The enquiry reference, e.g. ENQ-0000123 (case, spaces and leading zeros as typed).',
  })
  @ApiPropertyOptional({ example: 'ENQ-0000123' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  reference?: string;

  @Field({
    nullable: true,
    description: 'Part of the contact\'s name, in any case: "jon" finds Mrs Jones. Every word must occur in the name.',
  })
  @ApiPropertyOptional({ example: 'jones' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string;

  @Field({ nullable: true, description: "The contact's email address, in any case." })
  @ApiPropertyOptional({ example: 'a.jones@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @Field({ nullable: true, description: "The contact's phone number, with or without spaces, dashes or brackets." })
  @ApiPropertyOptional({ example: '020 7946 0000' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @Field({ nullable: true, description: 'The 16-digit reference of the case the enquiry is about, dashes allowed.' })
  @ApiPropertyOptional({ example: '1234-5678-9012-3452' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  caseReference?: string;

  @Field({ nullable: true, description: `Enquiries in this status: one of ${ENQUIRY_STATUSES.join(', ')}.` })
  @ApiPropertyOptional({ example: 'awaiting-customer', description: `One of ${ENQUIRY_STATUSES.join(', ')}.` })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  status?: string;

  @Field({ nullable: true, description: `Enquiries that came by this channel: one of ${ENQUIRY_CHANNELS.join(', ')}.` })
  @ApiPropertyOptional({ example: 'telephone', description: `One of ${ENQUIRY_CHANNELS.join(', ')}.` })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  channel?: string;

  @Field({ nullable: true, description: 'Received on or after this day (YYYY-MM-DD, London time).' })
  @ApiPropertyOptional({ example: '2026-11-01', format: 'date' })
  @IsOptional()
  @IsLocalDay()
  receivedFrom?: string;

  @Field({ nullable: true, description: 'Received on or before this day (YYYY-MM-DD, London time).' })
  @ApiPropertyOptional({ example: '2026-11-30', format: 'date' })
  @IsOptional()
  @IsLocalDay()
  receivedTo?: string;
}

/** REST query string of GET /api/v1/queries/enquiries/search. */
export class SearchEnquiriesParams extends IntersectionType(EnquirySearchInput, PageParams) {}
