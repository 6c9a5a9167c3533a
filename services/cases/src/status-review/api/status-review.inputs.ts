import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsLocalDay, IsNotBlank } from '@ccsc/platform';
import { InputType } from '../../cases.graphql';
import { REPRESENTATION_MAKERS, type RepresentationMaker } from '../domain/minded-to-notice';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '../domain/referral';
import { CASE_ID } from '../../api-descriptions';

const GROUNDS = 'The grounds, as the person is told them: the concerns the evidence bears out.';
const SUMMARY = 'What they say, as the decision must weigh it.';

@InputType({ description: 'Who referred the person for a status review, and their concerns.' })
export class RecordReferralBody {
  @Field(() => String, { description: '`other-department`, `police`, `law-enforcement` or `internal-team`.' })
  @ApiProperty({ enum: STAKEHOLDER_KINDS })
  @IsIn(STAKEHOLDER_KINDS)
  stakeholderKind!: StakeholderKind;
  @Field({ description: 'The stakeholder by name.' })
  @ApiProperty({ example: 'Department for Work and Pensions' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  stakeholderName!: string;
  @Field({ nullable: true, description: "The stakeholder's own reference or contact for the referral." })
  @ApiPropertyOptional({ example: 'DWP-FR-2026-0042' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactReference?: string;
  @Field({ description: 'What the stakeholder is concerned about.' })
  @ApiProperty({ example: 'Leave to remain obtained by a false declaration of employment.' })
  @IsString()
  @Length(1, 20_000)
  @IsNotBlank()
  concerns!: string;
}

@InputType('RecordStatusReviewReferralInput', {
  description: 'Who referred the person on a status review case for review, and their concerns.',
})
export class RecordReferralInput extends RecordReferralBody {
  @Field(() => ID, { description: `The status review case. ${CASE_ID}` }) @IsUUID() caseId!: string;
}

@InputType({ description: 'What the caseworker is minded to decide, and why.' })
export class IssueMindedToNoticeBody {
  @Field({ description: 'The outcome proposed.' })
  @ApiProperty({ example: 'Revoke indefinite leave to remain' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  proposedOutcome!: string;
  @Field({ description: GROUNDS })
  @ApiProperty({
    example:
      'The Home Office has evidence that the employment declared in your application of 3 March 2024 did not exist.',
    description: GROUNDS,
  })
  @IsString()
  @Length(1, 20_000)
  @IsNotBlank()
  grounds!: string;
}

@InputType({ description: 'The minded-to notice to issue on a status review case.' })
export class IssueMindedToNoticeInput extends IssueMindedToNoticeBody {
  @Field(() => ID, { description: `The status review case. ${CASE_ID}` }) @IsUUID() caseId!: string;
}

@InputType({ description: 'Representations received on a minded-to notice.' })
export class RecordRepresentationsBody {
  @Field(() => String, { description: 'The day they were received (London), YYYY-MM-DD.' })
  @ApiProperty({ example: '2026-12-14' })
  @IsLocalDay()
  receivedOn!: string;
  @Field(() => String, { description: '`subject` (the person under review) or `representative`.' })
  @ApiProperty({ enum: REPRESENTATION_MAKERS })
  @IsIn(REPRESENTATION_MAKERS)
  madeBy!: RepresentationMaker;
  @Field({ description: SUMMARY })
  @ApiProperty({
    example: 'Mr Doe says he worked for the employer through an agency, and encloses his payslips.',
    description: SUMMARY,
  })
  @IsString()
  @Length(1, 20_000)
  @IsNotBlank()
  summary!: string;
}

@InputType({ description: 'Representations received on the minded-to notice of a status review case.' })
export class RecordRepresentationsInput extends RecordRepresentationsBody {
  @Field(() => ID, { description: `The status review case. ${CASE_ID}` }) @IsUUID() caseId!: string;
}
