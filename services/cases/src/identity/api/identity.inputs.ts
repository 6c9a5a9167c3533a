import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { InputType } from '../../cases.graphql';

@InputType({ isAbstract: true })
export class MatchPartyBody {
  @Field(() => ID, { description: 'A party of another case that is the same person or organisation.' })
  @ApiProperty({ description: 'A party of another case that is the same person or organisation.' })
  @IsUUID()
  sameAsPartyId!: string;
}

@InputType('MatchPartyIdentityInput', { description: 'Staff match a party with a party of another case.' })
export class MatchPartyIdentityInput extends MatchPartyBody {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => ID) @IsUUID() partyId!: string;
}
