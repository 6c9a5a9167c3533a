import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
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
  ValidateBy,
} from 'class-validator';
import { IsLocalDay, MAX_PENCE, NestedInputs, PageParams } from '@ccsc/platform';
import type { LocalDate } from '@ccsc/calendar';
import { IsAddresseeName } from '@ccsc/correspondence';
import {
  ADDRESS_LINES,
  addressLinesProblem,
  LANGUAGES,
  PARTY_KINDS,
  PARTY_ROLES,
  PartyKind,
  PartyRole,
  PreferredLanguage,
  UK_POSTCODE,
} from '../domain/party';
import { InputType, registerEnumType } from '../../cases.graphql';
import { CASE_ID, CASE_STATE, CASE_TYPE_ID, EVENT_ID } from '../../api-descriptions';

const PREFERRED_LANGUAGE =
  'English or Welsh, as the party prefers; leave it out when they have not said (letters to an address in Wales then go in both).';

// One set of input classes serves GraphQL, REST and OpenAPI, so the three cannot drift apart.

export const PartyRoleEnum = Object.fromEntries(PARTY_ROLES.map((r) => [r, r])) as Record<PartyRole, PartyRole>;
export const PartyKindEnum = Object.fromEntries(PARTY_KINDS.map((k) => [k, k])) as Record<PartyKind, PartyKind>;
registerEnumType(PartyRoleEnum, {
  name: 'PartyRole',
  description: 'The part a party plays in a case.',
  valuesMap: {
    applicant: {
      description:
        'Applies to the court: the applicant in a divorce or a probate application; the prosecutor in a criminal case.',
    },
    respondent: {
      description:
        'Answers an application or an appeal: the other spouse in a divorce; the department whose decision a tribunal appeal challenges.',
    },
    claimant: { description: 'Brings a civil money claim.' },
    defendant: { description: 'Answers a money claim, or is prosecuted in a criminal case.' },
    appellant: { description: 'Appeals to a tribunal against a decision (social security and child support).' },
    donor: { description: 'Makes a lasting power of attorney.' },
    attorney: { description: 'Is appointed by a lasting power of attorney to act for the donor.' },
    subject: { description: 'The person whose immigration status is under review.' },
  },
});
registerEnumType(PartyKindEnum, {
  name: 'PartyKind',
  description: 'Whether a party is a person or an organisation.',
  valuesMap: {
    person: { description: 'A person (an individual).' },
    organisation: { description: 'An organisation: a company, a firm, a public body.' },
  },
});

export const LanguageEnum = { en: 'en', cy: 'cy' } as const;
registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'English (en) or Welsh (cy).',
  valuesMap: { en: { description: 'English.' }, cy: { description: 'Welsh (Cymraeg).' } },
});

export const ORGANISATION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const ROLE = 'The part the party plays in the case; the case type says which roles it needs.';
const KIND = 'Whether the party is a person or an organisation (a company, a firm, a public body).';
export const PARTY_DETAIL_READERS = 'Only staff and whoever acts for the party see it.';
export const PARTY_EMAIL = `The party's email address. ${PARTY_DETAIL_READERS}`;
export const PARTY_PHONE = `The party's telephone number: digits, spaces, brackets and dashes, with an optional leading +. ${PARTY_DETAIL_READERS}`;
export const PARTY_ADJUSTMENTS = `Adjustments the service makes for this party, in plain words (e.g. "large print", "hearing loop"); at most 20. ${PARTY_DETAIL_READERS}`;
export const PARTY_ADDRESS_LINES = `The party's postal address for letters, one line to an item, without the postcode (its own field, printed as the address's last line): ${ADDRESS_LINES.min} to ${ADDRESS_LINES.max} lines such as the building and street, the locality and the town, each ${ADDRESS_LINES.min} to ${ADDRESS_LINES.maxLength} characters without control characters or line breaks; spaces around a line are trimmed. ${PARTY_DETAIL_READERS}`;
export const ADDRESS_LINES_EXAMPLE = ['Flat 2', '10 Downing Street', 'London'];
export const PARTY_VULNERABILITY = `Why this party may need extra care, in plain words (e.g. "domestic abuse", "mental health"); at most 20. ${PARTY_DETAIL_READERS}`;

/** class-validator: a party's address lines, by the domain's rule (addressLinesProblem), which names the bad line. */
/** class-validator: a party's name, as any name the court writes to (libs/correspondence): one line, no web address. */
export const IsPartyName = () => IsAddresseeName('name');

export const IsAddressLines = () =>
  ValidateBy({
    name: 'isAddressLines',
    validator: {
      validate: (value: unknown) => addressLinesProblem(value) === undefined,
      defaultMessage: (args) => addressLinesProblem(args?.value) ?? 'addressLines must be address lines',
    },
  });

@InputType({ description: 'A party to a new case.' })
export class PartyInput {
  @Field(() => PartyRoleEnum, { description: ROLE })
  @ApiProperty({ enum: PARTY_ROLES, example: 'claimant', description: ROLE })
  @IsIn(PARTY_ROLES)
  role!: PartyRole;

  @Field(() => PartyKindEnum, { description: KIND })
  @ApiProperty({ enum: PARTY_KINDS, description: KIND })
  @IsIn(PARTY_KINDS)
  kind!: PartyKind;

  @Field({ description: 'Full name of the person or organisation.' })
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Alex Smith' })
  @IsString()
  @Length(1, 200)
  @IsPartyName()
  name!: string;

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

  @Field({ nullable: true, description: "UK postcode of the party's address." })
  @ApiPropertyOptional({ example: 'SW1A 2AA' })
  @IsOptional()
  @Matches(UK_POSTCODE, { message: 'postcode must be a UK postcode' })
  postcode?: string;

  @Field(() => [String], { nullable: true, description: PARTY_ADDRESS_LINES })
  @ApiPropertyOptional({
    type: [String],
    minItems: ADDRESS_LINES.min,
    maxItems: ADDRESS_LINES.max,
    example: ADDRESS_LINES_EXAMPLE,
    description: PARTY_ADDRESS_LINES,
  })
  @IsOptional()
  @IsAddressLines()
  addressLines?: string[];

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

  @Field(() => LanguageEnum, { nullable: true, description: PREFERRED_LANGUAGE })
  @ApiPropertyOptional({ enum: LANGUAGES, description: PREFERRED_LANGUAGE })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: PreferredLanguage;

  @Field(() => [String], { nullable: true, description: PARTY_ADJUSTMENTS })
  @ApiPropertyOptional({ type: [String], example: ['large print'], description: PARTY_ADJUSTMENTS })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(20)
  reasonableAdjustments?: string[];

  @Field(() => [String], { nullable: true, description: PARTY_VULNERABILITY })
  @ApiPropertyOptional({ type: [String], example: ['domestic abuse'], description: PARTY_VULNERABILITY })
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

  @Field(() => [PartyInput], { description: 'The parties known when the case is opened: at least one, at most 50.' })
  @ApiProperty({
    type: [PartyInput],
    description: 'The parties known when the case is opened: at least one, at most 50.',
  })
  @NestedInputs(() => PartyInput)
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
  @Field(() => ID, { description: CASE_ID })
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
  @ApiProperty({ example: 'stay', description: EVENT_ID })
  @IsString()
  @Length(1, 64)
  event!: string;

  @ApiPropertyOptional({
    description: 'Why, in a few words; kept in the case history.',
    example: 'Stayed for the parties to try to settle',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: UNTIL, example: '2027-03-01' })
  @IsOptional()
  @IsLocalDay()
  until?: LocalDate;
}

@InputType({ description: 'Narrows a list of cases.' })
export class CaseFilterInput {
  @Field({ nullable: true, description: `Only cases in this state. ${CASE_STATE}` })
  @ApiPropertyOptional({ example: 'Submitted', description: `Only cases in this state. ${CASE_STATE}` })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  state?: string;

  @Field({ nullable: true, description: `Only cases of this type. ${CASE_TYPE_ID}` })
  @ApiPropertyOptional({ example: 'civil-money-claim', description: `Only cases of this type. ${CASE_TYPE_ID}` })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  caseType?: string;
}

/** REST query string of GET /api/v1/cases. */
export class ListCasesQuery extends IntersectionType(CaseFilterInput, PageParams) {}

/** REST query string of GET /api/v1/cases/{id}/readiness. */
export class ReadinessQuery {
  @ApiProperty({ example: 'submit', description: `The event to assess the case for. ${EVENT_ID}` })
  @IsString()
  @Length(1, 64)
  event!: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    default: 'en',
    description: 'The language of the criteria and of `whatHappensNext`: English (en) or Welsh (cy).',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: (typeof LANGUAGES)[number];
}
