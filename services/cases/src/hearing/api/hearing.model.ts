import { Field, ID, Int } from '@nestjs/graphql';
import type { Language } from '../../case-type/domain/readiness';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HEARING_STATUSES, HEARING_TYPES, type Hearing, type HearingStatus, type HearingType } from '../domain/hearing';
import { ObjectType } from '../../cases.graphql';

@ObjectType('Hearing', {
  description: 'A hearing of a case: when and where it is listed, and whether it is going ahead.',
})
export class HearingModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) caseId!: string;
  @Field({ description: 'Court or tribunal code.' }) @ApiProperty({ example: 'LDN-RCJ' }) venueId!: string;
  @Field() @ApiProperty({ example: 'Royal Courts of Justice' }) venueName!: string;
  @Field(() => String, { description: `One of ${HEARING_TYPES.join(', ')}.` })
  @ApiProperty({ enum: HEARING_TYPES })
  hearingType!: HearingType;
  @Field() @ApiProperty() startsAt!: Date;
  @Field({ description: 'The day it starts in England (YYYY-MM-DD), which is how courts list hearings.' })
  @ApiProperty({ example: '2031-07-14' })
  londonDate!: string;
  @Field({ description: 'The time it starts in England (HH:MM).' })
  @ApiProperty({ example: '10:00' })
  londonTime!: string;
  @Field(() => Int, { description: 'Expected length in minutes.' }) @ApiProperty() durationMinutes!: number;
  @Field(() => String, { description: `One of ${HEARING_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: HEARING_STATUSES })
  status!: HearingStatus;
  @Field(() => Int, { nullable: true, description: 'How late it is running, in minutes; only while running late.' })
  @ApiPropertyOptional({ type: Number, nullable: true })
  delayMinutes!: number | null;
  @Field(() => String, { nullable: true, description: 'Why it was adjourned or vacated.' })
  @ApiPropertyOptional({ type: String, nullable: true })
  reason!: string | null;
  // On GraphQL the field takes the language (HearingResolver.goingAhead); on REST the `language` query does.
  @ApiProperty({
    description:
      'Is it going ahead? `yes`, `yes, running about 30 minutes late`, `no: adjourned because …`, in English or Welsh.',
    example: 'yes, running about 30 minutes late',
  })
  goingAhead!: string;
  @Field() @ApiProperty() updatedAt!: Date;

  static from(hearing: Hearing, language: Language = 'en'): HearingModel {
    const s = hearing.snapshot;
    const { date, time } = hearing.londonStart;
    return {
      id: s.id,
      caseId: s.caseId,
      venueId: s.venueId,
      venueName: s.venueName,
      hearingType: s.hearingType,
      startsAt: s.startsAt,
      londonDate: date,
      londonTime: time,
      durationMinutes: s.durationMinutes,
      status: s.status,
      delayMinutes: s.delayMinutes,
      reason: s.reason,
      goingAhead: hearing.goingAhead[language],
      updatedAt: s.updatedAt,
    };
  }
}
