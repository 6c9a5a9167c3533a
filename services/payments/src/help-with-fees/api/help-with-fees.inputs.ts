import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_PENCE } from '@ccsc/platform';

export class ApplicantBody {
  @ApiProperty({ description: 'Gross monthly income of the applicant (and partner).' })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  monthlyIncomePence!: number;
  @ApiProperty() @IsBoolean() couple!: boolean;
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(19, { each: true })
  childrenAges!: number[];
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) savingsPence!: number;
  @ApiProperty() @IsInt() @Min(16) @Max(130) age!: number;
}

export class RemissionCheckBody extends ApplicantBody {
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_PENCE) feePence!: number;
}

export class HelpWithFeesApplicationBody {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty({ example: 'FEE0202', description: "A fee on the case's service request." })
  @Matches(/^FEE\d{4}$/)
  feeCode!: string;
  @ApiProperty({ type: ApplicantBody }) @ValidateNested() @Type(() => ApplicantBody) applicant!: ApplicantBody;
}

export class RemissionDecisionBody {
  @ApiProperty({ description: 'true grants the remission, which is applied at once; false refuses it.' })
  @IsBoolean()
  grant!: boolean;
}

export class EvidenceCheckBody {
  @ApiProperty({ description: 'Whether the evidence bore the application out.' }) @IsBoolean() passed!: boolean;
}
