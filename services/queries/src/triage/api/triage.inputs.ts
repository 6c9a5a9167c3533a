import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { InputType } from '../../queries.graphql';
import { ENQUIRY_PRIORITIES, type EnquiryPriority } from '../../enquiry/domain/enquiry';
import { MAX_REASON } from '../../enquiry/api/enquiry.inputs';
import type { TriageOverride, TriageRuleInput } from '../application/triage.commands';
import { ENQUIRY_ID } from '../../enquiry/api/enquiry.inputs';
import { RULE } from './triage.model';

const DECIDED_QUEUE = 'The queue (its code) to put the enquiry in.';
const DECIDED_PRIORITY = 'normal or urgent (urgent puts it ahead of every normal task).';
const OVERRIDE_REASON = `Why: required when the decision differs from the suggestion, kept with it (at most ${MAX_REASON} characters).`;

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** POST /api/v1/queries/enquiries/{id}/triage; with the enquiry id, the GraphQL `triageEnquiry` input. */
@InputType({ isAbstract: true })
export class TriageBody {
  @Field({ description: DECIDED_QUEUE })
  @ApiProperty({ example: 'general', pattern: CODE.source, description: DECIDED_QUEUE })
  @Matches(CODE, { message: 'queueId must be a queue code' })
  queueId!: string;
  @Field(() => String, { description: DECIDED_PRIORITY })
  @ApiProperty({ enum: ENQUIRY_PRIORITIES, description: DECIDED_PRIORITY })
  @IsIn(ENQUIRY_PRIORITIES)
  priority!: EnquiryPriority;
  @Field(() => [ID], { description: 'Knowledge-base articles to signpost.' })
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 20, description: 'Knowledge-base articles to signpost.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  articleIds!: string[];
  @Field({ nullable: true, description: OVERRIDE_REASON })
  @ApiPropertyOptional({
    maxLength: MAX_REASON,
    description: OVERRIDE_REASON,
    example: 'The caller is asking about a refund, not a hearing.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_REASON)
  reason?: string;
}

/** The decision as the command takes it; an empty reason is no reason. */
export function triageOverride(body: TriageBody): TriageOverride {
  const { queueId, priority, articleIds, reason } = body;
  return { queueId, priority, articleIds, ...(reason ? { reason } : {}) };
}

@InputType('TriageEnquiryInput', {
  description: 'Confirms or overrides the suggested triage; an override needs a reason.',
})
export class TriageEnquiryInput extends TriageBody {
  @Field(() => ID, { description: ENQUIRY_ID }) @IsUUID() enquiryId!: string;
}

/**
 * POST /api/v1/queries/triage/rules (a new rule) and PUT /api/v1/queries/triage/rules/{id} (a change
 * to one); with the rule's id when changing it, the GraphQL `saveTriageRule` input.
 */
@InputType({ isAbstract: true })
export class TriageRuleBody {
  @Field(() => Int, { description: `${RULE.position} 0 to 1,000,000.` })
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    description: RULE.position,
    example: 20,
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position!: number;
  @Field(() => String, { nullable: true, description: RULE.category })
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: CODE.source,
    description: RULE.category,
    example: 'fees',
  })
  @IsOptional()
  @Matches(CODE, { message: 'category must be a lower-case code' })
  category?: string | null;
  @Field(() => [String], { description: `${RULE.keywords} At most 50, each 1 to 100 characters.` })
  @ApiProperty({
    type: [String],
    maxItems: 50,
    description: RULE.keywords,
    example: ['refund', 'help with fees'],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keywords!: string[];
  @Field({ description: RULE.queueId })
  @ApiProperty({ example: 'fees', pattern: CODE.source, description: RULE.queueId })
  @Matches(CODE, { message: 'queueId must be a queue code' })
  queueId!: string;
  @Field(() => String, { nullable: true, description: RULE.priority })
  @ApiPropertyOptional({ enum: ENQUIRY_PRIORITIES, nullable: true, description: RULE.priority })
  @IsOptional()
  @IsIn(ENQUIRY_PRIORITIES)
  priority?: EnquiryPriority | null;
  @Field(() => [ID], { description: `${RULE.articleIds} At most 20.` })
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 20, description: RULE.articleIds })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  articleIds!: string[];
  @Field({ description: RULE.active }) @ApiProperty({ description: RULE.active }) @IsBoolean() active!: boolean;
}

@InputType('SaveTriageRuleInput', { description: 'A new triage rule, or (with its id) a change to one.' })
export class SaveTriageRuleInput extends TriageRuleBody {
  @Field(() => ID, { nullable: true, description: 'The rule to change (its id); leave out to add a rule.' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

/** The rule as the command takes it: explicit nulls for "any category" and "keep the priority". */
export function ruleInput(body: TriageRuleBody, id?: string | null): TriageRuleInput {
  return {
    position: body.position,
    category: body.category ?? null,
    keywords: body.keywords,
    queueId: body.queueId,
    priority: body.priority ?? null,
    articleIds: body.articleIds,
    active: body.active,
    ...(id ? { id } : {}),
  };
}
