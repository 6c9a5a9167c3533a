import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { InputType } from '../../cases.graphql';
import { CASE_ID } from '../../api-descriptions';

const SAME_AS =
  'A party of another case that is the same person or organisation (its party id, UUID); of the same kind (person or organisation).';

@InputType({ isAbstract: true })
export class MatchPartyBody {
  @Field(() => ID, { description: SAME_AS })
  @ApiProperty({ example: '9b2d4f6a-1c3e-4a5b-8d7f-0e1a2b3c4d5e', description: SAME_AS })
  @IsUUID()
  sameAsPartyId!: string;
}

@InputType('MatchPartyIdentityInput', { description: 'Staff match a party with a party of another case.' })
export class MatchPartyIdentityInput extends MatchPartyBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
  @Field(() => ID, { description: 'The party to match: its id on this case (UUID).' }) @IsUUID() partyId!: string;
}
