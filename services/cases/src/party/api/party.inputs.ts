import { Field, ID } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsOmittable, NestedInput } from '@ccsc/platform';
import { ADDRESS_LINES, LANGUAGES, PreferredLanguage, UK_POSTCODE } from '../../case/domain/party';
import {
  ADDRESS_LINES_EXAMPLE,
  IsAddressLines,
  IsPartyName,
  LanguageEnum,
  ORGANISATION_ID,
  PARTY_ADDRESS_LINES,
  PARTY_ADJUSTMENTS,
  PARTY_DETAIL_READERS,
  PARTY_EMAIL,
  PARTY_PHONE,
  PARTY_VULNERABILITY,
  PartyInput,
} from '../../case/api/case.inputs';
import { InputType } from '../../cases.graphql';
import { CASE_ID, PARTY_ID } from '../../api-descriptions';

const NAME = 'Full name of the person or organisation; everyone who may see the case sees it.';
const POSTCODE = `UK postcode of the party's address, in any case, with or without a space; kept upper case without spaces. ${PARTY_DETAIL_READERS}`;
const LANGUAGE = `English (en) or Welsh (cy): the language the party prefers. ${PARTY_DETAIL_READERS}`;
const REPLACES = 'The whole list: it replaces the one on record.';
const ADDRESS_REPLACES = 'All the lines: they replace the ones on record; null removes the address.';

@InputType({ description: 'A party to add to an existing case.' })
export class AddPartyInput {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
  @Field(() => PartyInput, { description: 'The party to add.' })
  @NestedInput(() => PartyInput)
  party!: PartyInput;
}

/** The details that may change; omitted fields stay as they are. REST body of PATCH .../parties/{partyId}. */
@InputType({ description: 'Changes to a party; omitted fields stay as they are.' })
export class PartyDetailsInput {
  @Field({ nullable: true, description: NAME })
  @ApiPropertyOptional({ example: 'Alex Smith', description: NAME })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  @IsPartyName()
  name?: string;
  @Field({ nullable: true, description: PARTY_EMAIL })
  @ApiPropertyOptional({ format: 'email', example: 'alex.smith@example.com', description: PARTY_EMAIL })
  @IsOptional()
  @IsEmail()
  email?: string;
  @Field({ nullable: true, description: PARTY_PHONE })
  @ApiPropertyOptional({ example: '+44 20 7946 0000', description: PARTY_PHONE })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,32}$/, { message: 'phone must be a telephone number' })
  phone?: string;
  @Field({ nullable: true, description: POSTCODE })
  @ApiPropertyOptional({ example: 'SW1A 2AA', description: POSTCODE })
  @IsOptional()
  @Matches(UK_POSTCODE, { message: 'postcode must be a UK postcode' })
  postcode?: string;
  @Field(() => [String], { nullable: true, description: `${PARTY_ADDRESS_LINES} ${ADDRESS_REPLACES}` })
  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    minItems: ADDRESS_LINES.min,
    maxItems: ADDRESS_LINES.max,
    example: ADDRESS_LINES_EXAMPLE,
    description: `${PARTY_ADDRESS_LINES} ${ADDRESS_REPLACES}`,
  })
  @IsOptional()
  @IsAddressLines()
  addressLines?: string[] | null;
  @Field(() => LanguageEnum, { nullable: true, description: LANGUAGE })
  @ApiPropertyOptional({ enum: LANGUAGES, description: LANGUAGE })
  @IsOmittable()
  @IsIn(LANGUAGES)
  preferredLanguage?: PreferredLanguage;
  @Field(() => [String], { nullable: true, description: `${PARTY_ADJUSTMENTS} ${REPLACES}` })
  @ApiPropertyOptional({
    type: [String],
    example: ['large print'],
    description: `${PARTY_ADJUSTMENTS} ${REPLACES}`,
  })
  @IsOmittable()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(20)
  reasonableAdjustments?: string[];
  @Field(() => [String], { nullable: true, description: `${PARTY_VULNERABILITY} ${REPLACES}` })
  @ApiPropertyOptional({
    type: [String],
    example: ['domestic abuse'],
    description: `${PARTY_VULNERABILITY} ${REPLACES}`,
  })
  @IsOmittable()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(20)
  vulnerabilityFlags?: string[];
}

@InputType({ description: 'Changes to a party of a case.' })
export class UpdatePartyInput extends PartyDetailsInput {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
  @Field(() => ID, { description: `The party to change. ${PARTY_ID}` }) @IsUUID() partyId!: string;
}

/** REST body of PUT .../parties/{partyId}/representation. */
export class RepresentationBody {
  @ApiPropertyOptional({
    type: String,
    description: 'The firm now representing the party; omit or null when nobody does.',
    nullable: true,
    example: 'org-harbour-solicitors',
  })
  @IsOptional()
  @Matches(ORGANISATION_ID, { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;
}

@InputType({ description: 'Who represents a party from now on.' })
export class ChangeRepresentationInput {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
  @Field(() => ID, { description: `The party whose representation changes. ${PARTY_ID}` }) @IsUUID() partyId!: string;
  @Field(() => String, { nullable: true, description: 'The firm now representing the party; null when nobody does.' })
  @IsOptional()
  @Matches(ORGANISATION_ID, { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;
}
