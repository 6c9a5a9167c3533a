import { Field, ID, Int } from '@nestjs/graphql';
import type { Language } from '../../case-type/domain/readiness';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HEARING_STATUSES, HEARING_TYPES, type Hearing, type HearingStatus, type HearingType } from '../domain/hearing';
import { ObjectType } from '../../cases.graphql';
import { CASE_ID, UTC_INSTANT } from '../../api-descriptions';
import type { HearingStatusChange } from '../application/hearing-status-feed';

const HEARING_ID = "The hearing's id (UUID).";
const VENUE_NAME = 'The venue as parties know it.';
const STARTS_AT = `When it starts. ${UTC_INSTANT} \`londonDate\` and \`londonTime\` give it as courts list it.`;
const UPDATED_AT = `When it was listed, or its status last changed. ${UTC_INSTANT}`;

@ObjectType('Hearing', {
  description: 'A hearing of a case: when and where it is listed, and whether it is going ahead.',
})
export class HearingModel {
  @Field(() => ID, { description: HEARING_ID }) @ApiProperty({ format: 'uuid', description: HEARING_ID }) id!: string;
  @Field(() => ID, { description: CASE_ID }) @ApiProperty({ format: 'uuid', description: CASE_ID }) caseId!: string;
  @Field({ description: 'Court or tribunal code.' }) @ApiProperty({ example: 'LDN-RCJ' }) venueId!: string;
  @Field({ description: VENUE_NAME })
  @ApiProperty({ example: 'Royal Courts of Justice', description: VENUE_NAME })
  venueName!: string;
  @Field(() => String, { description: `One of ${HEARING_TYPES.join(', ')}.` })
  @ApiProperty({ enum: HEARING_TYPES })
  hearingType!: HearingType;
  @Field({ description: STARTS_AT })
  @ApiProperty({ example: '2031-07-14T09:00:00.000Z', description: STARTS_AT })
  startsAt!: Date;
  @Field({ description: 'The day it starts in England (YYYY-MM-DD), which is how courts list hearings.' })
  @ApiProperty({ example: '2031-07-14' })
  londonDate!: string;
  @Field({ description: 'The time it starts in England (HH:MM).' })
  @ApiProperty({ example: '10:00' })
  londonTime!: string;
  @Field(() => Int, { description: 'Expected length in minutes.' })
  @ApiProperty({ type: 'integer', example: 120, description: 'Expected length in minutes.' })
  durationMinutes!: number;
  @Field(() => String, { description: `One of ${HEARING_STATUSES.join(', ')}.` })
  @ApiProperty({ enum: HEARING_STATUSES, example: 'running-late' })
  status!: HearingStatus;
  @Field(() => Int, { nullable: true, description: 'How late it is running, in minutes; only while running late.' })
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 30,
    description: 'How late it is running, in minutes; null unless running late.',
  })
  delayMinutes!: number | null;
  @Field(() => String, { nullable: true, description: 'Why it was adjourned or vacated.' })
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why it was adjourned or vacated; null otherwise.',
  })
  reason!: string | null;
  // On GraphQL the field takes the language (HearingResolver.goingAhead); on REST the `language` query does.
  @ApiProperty({
    description:
      'Is it going ahead? `yes`, `yes, running about 30 minutes late`, `no: adjourned because …`, in English or Welsh.',
    example: 'yes, running about 30 minutes late',
  })
  goingAhead!: string;
  @Field({ description: UPDATED_AT }) @ApiProperty({ description: UPDATED_AT }) updatedAt!: Date;

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

const CHANGED_AT = `When the change was recorded. ${UTC_INSTANT}`;

@ObjectType('HearingStatusChange', {
  description:
    "A change of a hearing's status on the day or before it, as the subscription `hearingStatusChanged` tells it.",
})
export class HearingStatusChangeModel {
  @Field(() => HearingModel, {
    description:
      'The hearing as it stands when the change reaches you: its new status, delay, reason and whether it is going ahead.',
  })
  hearing!: HearingModel;
  @Field(() => String, { description: `The status it had: one of ${HEARING_STATUSES.join(', ')}.` })
  from!: HearingStatus;
  @Field(() => String, { description: `The status it moved to: one of ${HEARING_STATUSES.join(', ')}.` })
  to!: HearingStatus;
  @Field({ description: CHANGED_AT }) changedAt!: Date;

  static from(change: HearingStatusChange): HearingStatusChangeModel {
    return {
      hearing: HearingModel.from(change.hearing),
      from: change.from,
      to: change.to,
      changedAt: change.changedAt,
    };
  }
}
