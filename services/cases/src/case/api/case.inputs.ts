import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsLocalDay, MAX_PENCE, PageParams } from '@ccsc/platform';
import type { LocalDate } from '@ccsc/calendar';
import {
  LANGUAGES,
  PARTY_KINDS,
  PARTY_ROLES,
  PartyKind,
  PartyRole,
  PreferredLanguage,
  UK_POSTCODE,
} from '../domain/party';
import { InputType, registerEnumType } from '../../cases.graphql';

// One set of input classes serves GraphQL, REST and OpenAPI, so the three cannot drift apart.

export const PartyRoleEnum = Object.fromEntries(PARTY_ROLES.map((r) => [r, r])) as Record<PartyRole, PartyRole>;
export const PartyKindEnum = Object.fromEntries(PARTY_KINDS.map((k) => [k, k])) as Record<PartyKind, PartyKind>;
registerEnumType(PartyRoleEnum, { name: 'PartyRole', description: 'The part a party plays in a case.' });
registerEnumType(PartyKindEnum, { name: 'PartyKind', description: 'Whether a party is a person or an organisation.' });

export const LanguageEnum = { en: 'en', cy: 'cy' } as const;
registerEnumType(LanguageEnum, { name: 'Language', description: 'English (en) or Welsh (cy).' });

export const ORGANISATION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

@InputType({ description: 'A party to a new case.' })
export class PartyInput {
  @Field(() => PartyRoleEnum)
  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role!: PartyRole;

  @Field(() => PartyKindEnum)
  @ApiProperty({ enum: PARTY_KINDS })
  @IsIn(PARTY_KINDS)
  kind!: PartyKind;

  @Field({ description: 'Full name of the person or organisation.' })
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Alex Smith' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true })
  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional({ example: '+44 20 7946 0000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,32}$/, { message: 'phone must be a telephone number' })
  phone?: string;

  @Field({ nullable: true, description: "UK postcode of the party's address." })
  @ApiPropertyOptional({ example: 'SW1A 2AA' })
  @IsOptional()
  @Matches(UK_POSTCODE, { message: 'postcode must be a UK postcode' })
  postcode?: string;

  @Field({
    nullable: true,
    description: 'The citizen account of this party (staff only; a citizen is linked automatically).',
  })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 255)
  userId?: string;

  @Field({ nullable: true, description: "Organisation id of the solicitors' firm representing this party." })
  @ApiPropertyOptional({ example: 'org-smith-and-co' })
  @IsOptional()
  @Matches(ORGANISATION_ID, { message: 'representedBy must be an organisation id' })
  representedBy?: string;

  @Field(() => LanguageEnum, { nullable: true, description: 'English (default) or Welsh.' })
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: PreferredLanguage;

  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String], example: ['large print'] })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(20)
  reasonableAdjustments?: string[];

  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String], example: ['domestic abuse'] })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(20)
  vulnerabilityFlags?: string[];
}

@InputType({ description: 'A new case.' })
export class CreateCaseInput {
  @Field({ description: 'Case type id, e.g. `civil-money-claim`.' })
  @ApiProperty({ example: 'civil-money-claim' })
  @IsString()
  @Length(1, 64)
  caseType!: string;

  @Field(() => [PartyInput])
  @ApiProperty({ type: [PartyInput] })
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  parties!: PartyInput[];

  @Field(() => Int, {
    nullable: true,
    description:
      'What a money claim claims, in pence, as the claimant states it (its issue fee is priced by it). Only for case types that claim money.',
  })
  @ApiPropertyOptional({ example: 250000, minimum: 1, maximum: MAX_PENCE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  claimAmountPence?: number;
}

const UNTIL =
  'For an event into a state whose time ends on a day the event gives (a stay until a date): that day in England, YYYY-MM-DD, after today. Without it such a state has no end (a stay until further order); other events refuse it.';

@InputType({ description: 'An event to trigger on a case, moving it to its next state.' })
export class TriggerCaseEventInput {
  @Field(() => ID)
  @IsUUID()
  caseId!: string;

  @Field({ description: 'Event id of the case type, e.g. `submit`.' })
  @IsString()
  @Length(1, 64)
  event!: string;

  @Field({ nullable: true, description: 'Why, in a few words; kept in the case history.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @Field(() => String, { nullable: true, description: UNTIL })
  @IsOptional()
  @IsLocalDay()
  until?: LocalDate;
}

export class TriggerCaseEventBody {
  @ApiProperty({ example: 'submit' })
  @IsString()
  @Length(1, 64)
  event!: string;

  @ApiPropertyOptional({ description: 'Why, in a few words; kept in the case history.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @ApiPropertyOptional({ description: UNTIL, example: '2027-03-01' })
  @IsOptional()
  @IsLocalDay()
  until?: LocalDate;
}

@InputType({ description: 'Narrows a list of cases.' })
export class CaseFilterInput {
  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'Submitted' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  state?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'civil-money-claim' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  caseType?: string;
}

/** REST query string of GET /api/v1/cases. */
export class ListCasesQuery extends IntersectionType(CaseFilterInput, PageParams) {}

/** REST query string of GET /api/v1/cases/{id}/readiness. */
export class ReadinessQuery {
  @ApiProperty({ example: 'submit' })
  @IsString()
  @Length(1, 64)
  event!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: (typeof LANGUAGES)[number];
}
