import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIMELINE_KINDS } from '../domain/timeline-kind';
import { ObjectType } from '../../cases.graphql';
import { USER_ID, USER_ID_EXAMPLE, UTC_INSTANT } from '../../api-descriptions';

const EVENT_ID = 'The id of the event it came from (UUID); one entry per event.';
const TYPE = 'Event type, `<service>.<event>.v<version>`, e.g. `cases.case-state-changed.v1`.';
const KIND = `What it is about: ${TIMELINE_KINDS.join(', ')}.`;
const SOURCE = 'The service the event came from: `cases`, `payments`, `queries`, `complaints` or `enforcement`.';
const SUMMARY = 'What happened, in a line (English).';
const ACTOR = `Who caused it: ${USER_ID}, or \`system\`. Staff only; null for anyone else, and when the event names nobody.`;
const OCCURRED_AT = `When it happened. ${UTC_INSTANT}`;

@ObjectType('TimelineEntry', {
  description:
    'Something that happened to a case, from any service. Staff see every entry; a party and whoever acts for them see the case-wide ones and those about that party.',
})
export class TimelineEntryModel {
  @Field(() => ID, { description: EVENT_ID }) @ApiProperty({ format: 'uuid', description: EVENT_ID }) eventId!: string;
  @Field({ description: TYPE })
  @ApiProperty({ example: 'cases.case-state-changed.v1', description: TYPE })
  type!: string;
  @Field({ description: KIND })
  @ApiProperty({ enum: TIMELINE_KINDS, description: KIND })
  kind!: string;
  @Field({ description: SOURCE }) @ApiProperty({ example: 'cases', description: SOURCE }) source!: string;
  @Field({ description: SUMMARY })
  @ApiProperty({ example: 'issue: Submitted → Issued', description: SUMMARY })
  summary!: string;
  @Field({ nullable: true, description: ACTOR })
  @ApiPropertyOptional({ example: USER_ID_EXAMPLE, description: ACTOR })
  actor?: string;
  @Field({ description: OCCURRED_AT }) @ApiProperty({ description: OCCURRED_AT }) occurredAt!: Date;
}
