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

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** POST /api/v1/queries/enquiries/{id}/triage; with the enquiry id, the GraphQL `triageEnquiry` input. */
@InputType({ isAbstract: true })
export class TriageBody {
  @Field()
  @ApiProperty({ example: 'general', pattern: CODE.source })
  @Matches(CODE, { message: 'queueId must be a queue code' })
  queueId!: string;
  @Field(() => String) @ApiProperty({ enum: ENQUIRY_PRIORITIES }) @IsIn(ENQUIRY_PRIORITIES) priority!: EnquiryPriority;
  @Field(() => [ID], { description: 'Knowledge-base articles to signpost.' })
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 20, description: 'Knowledge-base articles to signpost.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  articleIds!: string[];
  @Field({ nullable: true })
  @ApiPropertyOptional({ maxLength: MAX_REASON, description: 'Required when overriding the suggested triage.' })
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
  @Field(() => ID) @IsUUID() enquiryId!: string;
}

/**
 * POST /api/v1/queries/triage/rules (a new rule) and PUT /api/v1/queries/triage/rules/{id} (a change
 * to one); with the rule's id when changing it, the GraphQL `saveTriageRule` input.
 */
@InputType({ isAbstract: true })
export class TriageRuleBody {
  @Field(() => Int)
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    description: 'Lower runs first; the first matching rule decides.',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position!: number;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true, pattern: CODE.source, description: 'Null for any category.' })
  @IsOptional()
  @Matches(CODE, { message: 'category must be a lower-case code' })
  category?: string | null;
  @Field(() => [String])
  @ApiProperty({ type: [String], maxItems: 50, description: 'Words or phrases, at least one of which must appear.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keywords!: string[];
  @Field()
  @ApiProperty({ example: 'general', pattern: CODE.source })
  @Matches(CODE, { message: 'queueId must be a queue code' })
  queueId!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ enum: ENQUIRY_PRIORITIES, nullable: true, description: 'Null keeps what it came in with.' })
  @IsOptional()
  @IsIn(ENQUIRY_PRIORITIES)
  priority?: EnquiryPriority | null;
  @Field(() => [ID])
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  articleIds!: string[];
  @Field() @ApiProperty() @IsBoolean() active!: boolean;
}

@InputType('SaveTriageRuleInput', { description: 'A new triage rule, or (with its id) a change to one.' })
export class SaveTriageRuleInput extends TriageRuleBody {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
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
