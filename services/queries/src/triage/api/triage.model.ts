import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../queries.graphql';
import { ENQUIRY_PRIORITIES } from '../../enquiry/domain/enquiry';
import { USER_ID } from '../../enquiry/api/enquiry.model';

/** What a rule's fields mean, the same on the rule and on the input that saves it. */
export const RULE = {
  position: 'Lower runs first; the first matching rule decides.',
  category: 'Only enquiries raised with this category code; null for any category.',
  keywords:
    'Words or phrases (kept in lower case) of which at least one must appear, as whole words, in the subject or first message; none for any text. A rule with no category needs one.',
  queueId:
    "The queue (its code) a matching enquiry goes to; an enquiry in Welsh goes to the welsh queue whatever the rule's queue.",
  priority: 'urgent makes a matching enquiry urgent; normal or null keeps the priority it came in with.',
  articleIds: 'Knowledge-base articles (their ids) to signpost on a matching enquiry.',
  active: 'Whether the rule is tried; a rule switched off is kept but skipped.',
};

@ObjectType('TriageRule', {
  description: 'Category and words that send an enquiry to a queue, with a priority and articles to signpost.',
})
export class TriageRuleModel {
  @Field(() => ID, { description: "The rule's id (UUID)." })
  @ApiProperty({ format: 'uuid', description: "The rule's id (UUID)." })
  id!: string;
  @Field(() => Int, { description: RULE.position })
  @ApiProperty({ type: 'integer', description: RULE.position, example: 20 })
  position!: number;
  @Field(() => String, { nullable: true, description: RULE.category })
  @ApiProperty({ type: String, nullable: true, description: RULE.category, example: 'fees' })
  category!: string | null;
  @Field(() => [String], { description: RULE.keywords })
  @ApiProperty({ type: [String], description: RULE.keywords, example: ['refund', 'help with fees'] })
  keywords!: string[];
  @Field({ description: RULE.queueId }) @ApiProperty({ description: RULE.queueId, example: 'fees' }) queueId!: string;
  @Field(() => String, { nullable: true, description: RULE.priority })
  @ApiProperty({ enum: ENQUIRY_PRIORITIES, nullable: true, description: RULE.priority })
  priority!: string | null;
  @Field(() => [ID], { description: RULE.articleIds })
  @ApiProperty({ type: [String], format: 'uuid', description: RULE.articleIds })
  articleIds!: string[];
  @Field({ description: RULE.active }) @ApiProperty({ description: RULE.active }) active!: boolean;
}

@ObjectType('TriageDecision', { description: 'What the rules suggested and what was decided, by whom and why.' })
export class TriageDecisionModel {
  @Field(() => ID, {
    nullable: true,
    description:
      'The rule that made the suggestion (its id); null when no rule matched (the default queue was suggested).',
  })
  ruleId!: string | null;
  @Field({ description: 'The queue (its code) the rules suggested.' }) suggestedQueueId!: string;
  @Field({ description: 'The priority the rules suggested: normal or urgent.' }) suggestedPriority!: string;
  @Field(() => [ID], { description: 'The knowledge-base articles (their ids) the rules suggested signposting.' })
  suggestedArticleIds!: string[];
  @Field({ description: 'The queue (its code) decided on.' }) queueId!: string;
  @Field(() => String, { description: 'The priority decided on: normal or urgent.' }) priority!: string;
  @Field(() => [ID], { description: 'The knowledge-base articles (their ids) signposted by this decision.' })
  articleIds!: string[];
  @Field({
    description: 'The decision differs from the suggestion in queue, priority or articles; an override has a reason.',
  })
  overridden!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "The officer's reason: required for an override, optional otherwise; null when none was given.",
  })
  reason!: string | null;
  @Field({ description: `Who decided: ${USER_ID}, or system for the rules' triage when the enquiry was raised.` })
  actor!: string;
  @Field({ description: 'When it was decided.' }) at!: Date;
}
