import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { BadUserInputError, IsInstant, IsLocalDay, parseInstant } from '@ccsc/platform';
import type { ListHearingCommand } from '../application/hearing.commands';
import { LANGUAGES, type PreferredLanguage } from '../../case/domain/party';
import {
  HEARING_STATUSES,
  HEARING_TYPES,
  HearingStatus,
  HearingType,
  MAX_DELAY_MINUTES,
  MAX_DURATION_MINUTES,
  MAX_REASON_LENGTH,
  StatusChange,
} from '../domain/hearing';
import { ArgsType, InputType } from '../../cases.graphql';
import { CASE_ID } from '../../api-descriptions';

// One set of input classes serves GraphQL, REST and OpenAPI, as in the case API. Status and type are
// strings rather than GraphQL enums because their values contain hyphens, which enum names may not;
// the REST and GraphQL vocabularies stay the same this way. Their GraphQL type is explicit because
// swc, unlike tsc, records no design type for a union of literals.

/** A court or tribunal code, e.g. `LDN-RCJ` or an HMCTS location id. */
const VENUE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const VENUE_ID_MESSAGE = 'venueId must be a venue code: letters, digits, - and _ (at most 32)';

const START_DESCRIPTION = 'When it starts: ISO 8601 with an offset, e.g. 2031-07-14T10:00:00+01:00 for 10am BST.';

/** POST /api/v1/cases/{id}/hearings; with the case id, the GraphQL `listHearing` input. */
@InputType({ isAbstract: true })
export class HearingListingBody {
  @Field({ description: 'Court or tribunal code, e.g. `LDN-RCJ`.' })
  @ApiProperty({ example: 'LDN-RCJ', pattern: VENUE_ID.source })
  @Matches(VENUE_ID, { message: VENUE_ID_MESSAGE })
  venueId!: string;

  @Field({ description: 'The venue as parties know it.' })
  @ApiProperty({ example: 'Royal Courts of Justice', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  venueName!: string;

  @Field(() => String, { description: `One of ${HEARING_TYPES.join(', ')}.` })
  @ApiProperty({ enum: HEARING_TYPES })
  @IsIn(HEARING_TYPES)
  hearingType!: HearingType;

  @Field({ description: START_DESCRIPTION })
  @ApiProperty({ example: '2031-07-14T10:00:00+01:00', format: 'date-time' })
  @IsInstant()
  startsAt!: string;

  @Field(() => Int, { description: 'Expected length in minutes.' })
  @ApiProperty({ example: 120, minimum: 1, maximum: MAX_DURATION_MINUTES })
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes!: number;
}

@InputType({ description: 'A hearing to list for a case.' })
export class ListHearingInput extends HearingListingBody {
  @Field(() => ID, { description: CASE_ID })
  @IsUUID()
  caseId!: string;
}

/** POST /api/v1/cases/{id}/hearings/{hearingId}/status; with the hearing id, the GraphQL `updateHearingStatus` input. */
@InputType({ isAbstract: true })
export class HearingStatusBody {
  @Field(() => String, { description: `One of ${HEARING_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: HEARING_STATUSES })
  @IsIn(HEARING_STATUSES)
  status!: HearingStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'How late, in minutes; required when running late, refused otherwise.',
  })
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DELAY_MINUTES })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DELAY_MINUTES)
  delayMinutes?: number;

  @Field({
    nullable: true,
    description: 'Why; required when adjourned or vacated, refused otherwise. Parties read it.',
  })
  @ApiPropertyOptional({ example: 'the interpreter did not attend', maxLength: MAX_REASON_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  reason?: string;

  @Field({
    nullable: true,
    description: `The new start when relisting an adjourned hearing (status \`listed\`). ${START_DESCRIPTION}`,
  })
  @ApiPropertyOptional({ example: '2031-09-01T10:00:00+01:00', format: 'date-time' })
  @IsOptional()
  @IsInstant()
  startsAt?: string;
}

@InputType({ description: 'An on-the-day status for a hearing.' })
export class UpdateHearingStatusInput extends HearingStatusBody {
  @Field(() => ID, { description: "The hearing's id (UUID)." })
  @IsUUID()
  hearingId!: string;
}

/** A venue's list for a day: the GraphQL arguments of `hearingsAtVenue` and the REST query string of GET /api/v1/cases/hearings/by-venue. */
@ArgsType()
export class HearingsAtVenueArgs {
  @Field({ description: 'Court or tribunal code.' })
  @ApiProperty({ example: 'LDN-RCJ' })
  @Matches(VENUE_ID, { message: VENUE_ID_MESSAGE })
  venueId!: string;

  @Field({ description: 'The day in England, as YYYY-MM-DD.' })
  @ApiProperty({ example: '2031-07-14' })
  @IsLocalDay()
  date!: string;
}

/** REST reads of hearings: the language of `goingAhead` (GraphQL takes it as the field's argument). */
export class HearingLanguageQuery {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', description: 'The language of `goingAhead`.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: PreferredLanguage;
}

/** GET /api/v1/cases/hearings/by-venue: the venue's list and the language of its answers. */
export class HearingsAtVenueQuery extends HearingsAtVenueArgs {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', description: 'The language of `goingAhead`.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: PreferredLanguage;
}

export function listingCommand(caseId: string, body: HearingListingBody): ListHearingCommand {
  const { venueId, venueName, hearingType, durationMinutes } = body;
  return { caseId, venueId, venueName, hearingType, durationMinutes, startsAt: instant(body.startsAt) };
}

export function statusChange(body: HearingStatusBody): StatusChange {
  // GraphQL passes an explicit null for a nullable field; to the rules it means "not given".
  return {
    status: body.status,
    ...(body.delayMinutes != null ? { delayMinutes: body.delayMinutes } : {}),
    ...(body.reason != null ? { reason: body.reason } : {}),
    ...(body.startsAt != null ? { startsAt: instant(body.startsAt) } : {}),
  };
}

/** The validation pipe has already checked the format; this only turns the string into a Date. */
function instant(value: string): Date {
  const parsed = parseInstant(value);
  if (!parsed)
    throw new BadUserInputError('Invalid date and time', [
      { field: 'startsAt', message: 'must be a date and time with an offset' },
    ]);
  return parsed;
}
