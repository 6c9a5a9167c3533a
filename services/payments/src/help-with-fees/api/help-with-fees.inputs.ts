import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';
import { InputType } from '../../payments.graphql';

@InputType('HelpWithFeesApplicantInput', { description: "The applicant's means, as the remission rules test them." })
export class ApplicantBody {
  @Field(() => Int, { description: 'Gross monthly income of the applicant (and partner), in pence.' })
  @ApiProperty({ description: 'Gross monthly income of the applicant (and partner).' })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  monthlyIncomePence!: number;
  @Field() @ApiProperty() @IsBoolean() couple!: boolean;
  @Field(() => [Int], { description: 'Ages of the children the applicant supports financially.' })
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(19, { each: true })
  childrenAges!: number[];
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) savingsPence!: number;
  @Field(() => Int, { description: "The applicant's (or the older partner's) age." })
  @ApiProperty()
  @IsInt()
  @Min(16)
  @Max(130)
  age!: number;
}

@InputType('HelpWithFeesAssessmentInput', { description: 'A fee and an applicant, to work out a remission for.' })
export class RemissionCheckBody extends ApplicantBody {
  @Field(() => Int) @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) feePence!: number;
}

@InputType('HelpWithFeesApplicationInput', { description: 'An application for Help with Fees on a fee of a case.' })
export class HelpWithFeesApplicationBody {
  @Field(() => ID) @ApiProperty() @IsUUID() caseId!: string;
  @Field({ description: "A fee on the case's service request, e.g. FEE0202." })
  @ApiProperty({ example: 'FEE0202', description: "A fee on the case's service request." })
  @Matches(/^FEE\d{4}$/)
  feeCode!: string;
  @Field(() => ApplicantBody)
  @ApiProperty({ type: ApplicantBody })
  @ValidateNested()
  @Type(() => ApplicantBody)
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
