import { Field, ID, Int } from '@nestjs/graphql';
import { ObjectType } from '../../queries.graphql';

@ObjectType('TriageRule', {
  description: 'Category and words that send an enquiry to a queue, with a priority and articles to signpost.',
})
export class TriageRuleModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => [String]) keywords!: string[];
  @Field() queueId!: string;
  @Field(() => String, { nullable: true }) priority!: string | null;
  @Field(() => [ID]) articleIds!: string[];
  @Field() active!: boolean;
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
