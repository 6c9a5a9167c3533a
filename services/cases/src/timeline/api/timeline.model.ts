import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

@ObjectType('TimelineEntry', { description: 'Something that happened to a case, from any service.' })
export class TimelineEntryModel {
  @Field(() => ID, { description: 'The id of the event it came from.' }) @ApiProperty() eventId!: string;
  @Field({ description: 'Event type, e.g. `cases.case-created.v1`.' }) @ApiProperty() type!: string;
  @Field({ description: 'The service the event came from.' }) @ApiProperty() source!: string;
  @Field() @ApiProperty() summary!: string;
  @Field({ nullable: true, description: 'Who caused it.' }) @ApiPropertyOptional() actor?: string;
  @Field() @ApiProperty() occurredAt!: Date;
}
