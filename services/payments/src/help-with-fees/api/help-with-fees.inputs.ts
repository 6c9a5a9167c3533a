import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { MAX_PENCE, NestedInput } from '@ccsc/platform';
import { CASE_ID, PENCE } from '../../api-descriptions';
import { InputType } from '../../payments.graphql';

const INCOME = `Gross monthly income of the applicant (and partner). ${PENCE}`;
const COUPLE = 'Whether the applicant has a partner whose means count with theirs (raises the income threshold).';
const CHILDREN = 'Ages (0 to 19) of the children the applicant supports financially, at most 20; empty for none.';
const SAVINGS = `The applicant's savings, tested against a limit that depends on the fee and their age: at or above it, nothing is remitted. ${PENCE}`;
const AGE = "The applicant's (or the older partner's) age, 16 to 130: from 66 the highest savings limit applies.";
const FEE = `The fee to assess. ${PENCE}`;
const APPLICANT = "The applicant's means.";

@InputType('HelpWithFeesApplicantInput', { description: "The applicant's means, as the remission rules test them." })
export class ApplicantBody {
  @Field(() => Int, { description: INCOME })
  @ApiProperty({ description: INCOME, example: 204500 })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  monthlyIncomePence!: number;
  @Field({ description: COUPLE }) @ApiProperty({ description: COUPLE }) @IsBoolean() couple!: boolean;
  @Field(() => [Int], { description: CHILDREN })
  @ApiProperty({ type: [Number], description: CHILDREN, example: [7] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(19, { each: true })
  childrenAges!: number[];
  @Field(() => Int, { description: SAVINGS })
  @ApiProperty({ description: SAVINGS, example: 150000 })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  savingsPence!: number;
  @Field(() => Int, { description: AGE })
  @ApiProperty({ description: AGE, example: 34 })
  @IsInt()
  @Min(16)
  @Max(130)
  age!: number;
}

@InputType('HelpWithFeesAssessmentInput', { description: 'A fee and an applicant, to work out a remission for.' })
export class RemissionCheckBody extends ApplicantBody {
  @Field(() => Int, { description: FEE })
  @ApiProperty({ description: FEE, example: 45500 })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  feePence!: number;
}

@InputType('HelpWithFeesApplicationInput', { description: 'An application for Help with Fees on a fee of a case.' })
export class HelpWithFeesApplicationBody {
  @Field(() => ID, { description: `${CASE_ID} One where you act for the side that pays the fees, or any as staff.` })
  @ApiProperty({
    description: `${CASE_ID} One where you act for the side that pays the fees, or any as staff.`,
    format: 'uuid',
  })
  @IsUUID()
  caseId!: string;
  @Field({ description: "A fee on the case's service request not yet remitted, e.g. FEE0202." })
  @ApiProperty({ example: 'FEE0202', description: "A fee on the case's service request not yet remitted." })
  @Matches(/^FEE\d{4}$/)
  feeCode!: string;
  @Field(() => ApplicantBody, { description: APPLICANT })
  @ApiProperty({ type: ApplicantBody, description: APPLICANT })
  @NestedInput(() => ApplicantBody)
  applicant!: ApplicantBody;
}

@InputType('HelpWithFeesDecisionInput', { description: 'Whether the remission of an application is granted.' })
export class RemissionDecisionBody {
  @Field({ description: 'true grants the remission, which is applied at once; false refuses it.' })
  @ApiProperty({ description: 'true grants the remission, which is applied at once; false refuses it.' })
  @IsBoolean()
  grant!: boolean;
}

@InputType('HelpWithFeesEvidenceCheckInput', { description: 'The outcome of an evidence check.' })
export class EvidenceCheckBody {
  @Field({ description: 'Whether the evidence bore the application out.' })
  @ApiProperty({ description: 'Whether the evidence bore the application out.' })
  @IsBoolean()
  passed!: boolean;
}
