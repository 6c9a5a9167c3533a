import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ObjectType } from '../../cases.graphql';
import { REPRESENTATION_MAKERS } from '../domain/minded-to-notice';
import { STAKEHOLDER_KINDS } from '../domain/referral';

@ObjectType('StatusReviewReferral', { description: 'Who referred the person for review, and their concerns.' })
export class ReferralModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty({ enum: STAKEHOLDER_KINDS }) stakeholderKind!: string;
  @Field() @ApiProperty() stakeholderName!: string;
  @Field({ nullable: true }) @ApiPropertyOptional() contactReference?: string;
  @Field() @ApiProperty() concerns!: string;
  @Field() @ApiProperty() recordedBy!: string;
  @Field() @ApiProperty() recordedAt!: Date;
}

@ObjectType('MindedToNoticeRepresentations', { description: 'Representations received on a minded-to notice.' })
export class RepresentationsModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field({ description: 'The day they were received (London).' }) @ApiProperty() receivedOn!: string;
  @Field({ description: '`subject` or `representative`.' })
  @ApiProperty({ enum: REPRESENTATION_MAKERS })
  madeBy!: string;
  @Field() @ApiProperty() summary!: string;
  @Field({ description: 'Received after the day they were due by; still weighed.' }) @ApiProperty() late!: boolean;
  @Field({ nullable: true, description: 'The officer who recorded them; staff only.' })
  @ApiPropertyOptional()
  recordedBy?: string;
  @Field() @ApiProperty() recordedAt!: Date;
}

@ObjectType('MindedToNotice', {
  description: 'What the caseworker is minded to decide and why, and until when the person may make representations.',
})
export class MindedToNoticeModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() proposedOutcome!: string;
  @Field() @ApiProperty() grounds!: string;
  @Field({ description: 'The last day for representations (London), counted in working days from the issue.' })
  @ApiProperty()
  representationsDueOn!: string;
  @Field({ description: 'The version of the working-day calendar that counted it.' })
  @ApiProperty()
  calendarVersion!: string;
  @Field({ nullable: true, description: 'The caseworker who issued it; staff only.' })
  @ApiPropertyOptional()
  issuedBy?: string;
  @Field() @ApiProperty() issuedAt!: Date;
  @Field(() => [RepresentationsModel], { description: 'In the order received.' })
  @ApiProperty({ type: [RepresentationsModel] })
  representations!: RepresentationsModel[];
}
