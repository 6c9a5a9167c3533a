import { Field, ID } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES, PreferredLanguage, UK_POSTCODE } from '../../case/domain/party';
import { LanguageEnum, ORGANISATION_ID, PartyInput } from '../../case/api/case.inputs';
import { InputType } from '../../cases.graphql';

@InputType({ description: 'A party to add to an existing case.' })
export class AddPartyInput {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => PartyInput) @ValidateNested() @Type(() => PartyInput) party!: PartyInput;
}

/** The details that may change; omitted fields stay as they are. REST body of PATCH .../parties/{partyId}. */
@InputType({ description: 'Changes to a party; omitted fields stay as they are.' })
export class PartyDetailsInput {
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @ApiPropertyOptional({ format: 'email' }) @IsOptional() @IsEmail() email?: string;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,32}$/, { message: 'phone must be a telephone number' })
  phone?: string;
  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'SW1A 2AA' })
  @IsOptional()
  @Matches(UK_POSTCODE, { message: 'postcode must be a UK postcode' })
  postcode?: string;
  @Field(() => LanguageEnum, { nullable: true })
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: PreferredLanguage;
  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(20)
  reasonableAdjustments?: string[];
  @Field(() => [String], { nullable: true })
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(20)
  vulnerabilityFlags?: string[];
}

@InputType({ description: 'Changes to a party of a case.' })
export class UpdatePartyInput extends PartyDetailsInput {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() partyId!: string;
}

/** REST body of PUT .../parties/{partyId}/representation. */
export class RepresentationBody {
  @ApiPropertyOptional({
    description: 'The firm now representing the party; omit or null when nobody does.',
    nullable: true,
  })
  @IsOptional()
  @Matches(ORGANISATION_ID, { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;
}

@InputType({ description: 'Who represents a party from now on.' })
export class ChangeRepresentationInput {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() partyId!: string;
  @Field(() => String, { nullable: true, description: 'The firm now representing the party; null when nobody does.' })
  @IsOptional()
  @Matches(ORGANISATION_ID, { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;
}
