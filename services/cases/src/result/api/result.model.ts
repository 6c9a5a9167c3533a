import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';
import { ImpositionModel } from './result.inputs';

@ObjectType('CaseResult', { description: 'A court result as recorded.' })
export class CaseResultModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() caseId!: string;
  @Field(() => ID) @ApiProperty() defendantPartyId!: string;
  @Field() @ApiProperty() outcome!: string;
  @Field(() => [ImpositionModel]) @ApiProperty({ type: [ImpositionModel] }) impositions!: ImpositionModel[];
  @Field() @ApiProperty() resultedBy!: string;
  @Field() @ApiProperty() resultedAt!: Date;
}
