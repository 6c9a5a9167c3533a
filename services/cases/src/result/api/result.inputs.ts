import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IMPOSITION_KINDS, ImpositionKind } from '@ccsc/contracts';
import { MAX_PENCE, NestedInputs, TotalPenceAtMost } from '@ccsc/platform';
import { InputType, ObjectType, registerEnumType } from '../../cases.graphql';
import { CASE_ID } from '../../api-descriptions';

const ImpositionKindEnum = Object.fromEntries(IMPOSITION_KINDS.map((k) => [k.replace(/-/g, '_'), k])) as Record<
  string,
  ImpositionKind
>;
registerEnumType(ImpositionKindEnum, {
  name: 'ImpositionKind',
  description: 'A kind of financial penalty a court can impose.',
  valuesMap: {
    fine: { description: 'A fine, owed to `central-funds`.' },
    compensation: {
      description: 'Compensation for the victim, owed to whoever the court names (never `central-funds`).',
    },
    costs: { description: "The prosecution's costs, owed to whoever the court names (never `central-funds`)." },
    victim_surcharge: { description: 'The victim surcharge (`victim-surcharge`), owed to `central-funds`.' },
    criminal_courts_charge: {
      description: 'The criminal courts charge (`criminal-courts-charge`), owed to `central-funds`.',
    },
  },
});

const KIND =
  '`fine`, `compensation`, `costs`, `victim-surcharge` or `criminal-courts-charge`. Fines, the victim surcharge and the criminal courts charge are owed to `central-funds`; compensation and costs to whoever the court names.';
const AMOUNT =
  'Amount in pence (whole pence, at least 1): 25000 is £250.00. The impositions of one result come to at most £10m together.';
const CREDITOR =
  'Who it is owed to: `central-funds` for a fine, the victim surcharge and the criminal courts charge; for compensation and costs, the id of whoever it is paid to (the prosecutor, the party compensated).';

/** The same shape in and out: what the court imposed is what the result shows. */
@InputType('ImpositionInput', {
  description: 'A financial penalty the court imposed: whole pence, and who it is owed to.',
})
@ObjectType('Imposition', { description: 'A financial penalty: whole pence, and who it is owed to.' })
export class ImpositionModel {
  @Field(() => ImpositionKindEnum, { description: KIND })
  @ApiProperty({ enum: IMPOSITION_KINDS, description: KIND })
  @IsIn(IMPOSITION_KINDS)
  kind!: ImpositionKind;
  // Up to £10m in pence, each and in total: beyond any magistrates' court order, and safely inside a GraphQL Int.
  @Field(() => Int, { description: AMOUNT })
  @ApiProperty({ minimum: 1, example: 25000, description: AMOUNT })
  @IsInt()
  @Min(1)
  @Max(MAX_PENCE)
  amountPence!: number;
  @Field({ description: CREDITOR })
  @ApiProperty({ example: 'central-funds', description: CREDITOR })
  @IsString()
  @Length(1, 64)
  creditor!: string;
}

const DEFENDANT =
  'The defendant resulted: a party of the case with the role `defendant` (UUID); each is resulted once.';
const OUTCOME =
  "The court's outcome for the defendant, in words; the reason in the case history when this result moves the case on.";
const IMPOSITIONS =
  'The financial penalties imposed, at most 50; empty when none. Only case types whose results may impose them (criminal prosecutions) take any; enforcement opens a fine account for them.';

@InputType({ description: 'A court result.' })
export class RecordResultBody {
  @Field(() => ID, { description: DEFENDANT })
  @ApiProperty({ format: 'uuid', description: DEFENDANT })
  @IsUUID()
  defendantPartyId!: string;
  @Field({ description: OUTCOME })
  @ApiProperty({ example: 'Guilty plea: fined', description: OUTCOME })
  @IsString()
  @Length(1, 200)
  outcome!: string;
  @Field(() => [ImpositionModel], { description: IMPOSITIONS })
  @ApiProperty({ type: [ImpositionModel], description: IMPOSITIONS })
  @NestedInputs(() => ImpositionModel)
  @ArrayMaxSize(50)
  @TotalPenceAtMost()
  impositions!: ImpositionModel[];
}

@InputType({ description: 'A court result on a case.' })
export class RecordResultInput extends RecordResultBody {
  @Field(() => ID, { description: CASE_ID }) @IsUUID() caseId!: string;
}
