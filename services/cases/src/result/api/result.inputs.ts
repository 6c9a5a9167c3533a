import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IMPOSITION_KINDS, ImpositionKind } from '@ccsc/contracts';
import { MAX_PENCE, TotalPenceAtMost } from '@ccsc/platform';
import { InputType, ObjectType, registerEnumType } from '../../cases.graphql';

const ImpositionKindEnum = Object.fromEntries(IMPOSITION_KINDS.map((k) => [k.replace(/-/g, '_'), k])) as Record<
  string,
  ImpositionKind
>;
registerEnumType(ImpositionKindEnum, {
  name: 'ImpositionKind',
  description: 'A kind of financial penalty a court can impose.',
});

/** The same shape in and out: what the court imposed is what the result shows. */
@InputType('ImpositionInput')
@ObjectType('Imposition', { description: 'A financial penalty: whole pence, and who it is owed to.' })
export class ImpositionModel {
  @Field(() => ImpositionKindEnum)
  @ApiProperty({ enum: IMPOSITION_KINDS })
  @IsIn(IMPOSITION_KINDS)
  kind!: ImpositionKind;
  // Up to £10m in pence, each and in total: beyond any magistrates' court order, and safely inside a GraphQL Int.
  @Field(() => Int, { description: 'Amount in pence.' })
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field({ description: '`central-funds`, the prosecutor, or the party compensation is paid to.' })
  @ApiProperty({ example: 'central-funds' })
  @IsString()
  @Length(1, 64)
  creditor!: string;
}

@InputType({ description: 'A court result.' })
export class RecordResultBody {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) @IsUUID() defendantPartyId!: string;
  @Field() @ApiProperty({ example: 'Guilty plea: fined' }) @IsString() @Length(1, 200) outcome!: string;
  @Field(() => [ImpositionModel])
  @ApiProperty({ type: [ImpositionModel] })
  @ValidateNested({ each: true })
  @Type(() => ImpositionModel)
  @ArrayMaxSize(50)
  @TotalPenceAtMost()
  impositions!: ImpositionModel[];
}

@InputType({ description: 'A court result on a case.' })
export class RecordResultInput extends RecordResultBody {
  @Field(() => ID) @IsUUID() caseId!: string;
}
