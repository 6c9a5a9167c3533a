import { Field, ID } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIMELINE_KINDS } from '../domain/timeline-kind';
import { ObjectType } from '../../cases.graphql';

@ObjectType('TimelineEntry', { description: 'Something that happened to a case, from any service.' })
export class TimelineEntryModel {
  @Field(() => ID, { description: 'The id of the event it came from.' }) @ApiProperty() eventId!: string;
  @Field({ description: 'Event type, e.g. `cases.case-created.v1`.' }) @ApiProperty() type!: string;
  @Field({ description: `What it is about: ${TIMELINE_KINDS.join(', ')}.` })
  @ApiProperty({ enum: TIMELINE_KINDS })
  kind!: string;
  @Field({ description: 'The service the event came from.' }) @ApiProperty() source!: string;
  @Field() @ApiProperty() summary!: string;
  @Field({ nullable: true, description: 'Who caused it.' }) @ApiPropertyOptional() actor?: string;
  @Field() @ApiProperty() occurredAt!: Date;
}
