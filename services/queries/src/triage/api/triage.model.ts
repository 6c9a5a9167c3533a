import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';
import { ENQUIRY_PRIORITIES } from '../../enquiry/domain/enquiry';

@ObjectType('TriageRule', {
  description: 'Category and words that send an enquiry to a queue, with a priority and articles to signpost.',
})
export class TriageRuleModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id!: string;
  @Field(() => Int)
  @ApiProperty({ type: 'integer', description: 'Lower runs first; the first matching rule decides.' })
  position!: number;
  @Field(() => String, { nullable: true })
  @ApiProperty({ type: String, nullable: true, description: 'Null for any category.' })
  category!: string | null;
  @Field(() => [String]) @ApiProperty({ type: [String] }) keywords!: string[];
  @Field() @ApiProperty() queueId!: string;
  @Field(() => String, { nullable: true })
  @ApiProperty({ enum: ENQUIRY_PRIORITIES, nullable: true, description: 'Null keeps what the enquiry came in with.' })
  priority!: string | null;
  @Field(() => [ID]) @ApiProperty({ type: [String], format: 'uuid' }) articleIds!: string[];
  @Field() @ApiProperty() active!: boolean;
}

@ObjectType('TriageDecision', { description: 'What the rules suggested and what was decided, by whom and why.' })
export class TriageDecisionModel {
  @Field(() => ID, { nullable: true }) ruleId!: string | null;
  @Field() suggestedQueueId!: string;
  @Field() suggestedPriority!: string;
  @Field(() => [ID]) suggestedArticleIds!: string[];
  @Field() queueId!: string;
  @Field(() => String) priority!: string;
  @Field(() => [ID]) articleIds!: string[];
  @Field() overridden!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() actor!: string;
  @Field() at!: Date;
}
