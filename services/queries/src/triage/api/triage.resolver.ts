import { Args, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputType, ObjectType } from '../../queries.graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CorrelationId, CurrentPrincipal, isStaff, Principal, Roles } from '@ccsc/auth';
import { ForbiddenError } from '@ccsc/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENQUIRY_PRIORITIES, type EnquiryPriority } from '../../enquiry/domain/enquiry';
import { EnquiryModel } from '../../enquiry/api/enquiry.model';
import { MAX_REASON } from '../../enquiry/api/enquiry.inputs';
import { OFFICERS, TEAM_LEADERS } from '../../enquiry/api/roles';
import { EnquiryQueries } from '../../enquiry/application/enquiry.queries';
import { TriageCommands } from '../application/triage.commands';
import { TriageRepository, type TriageDecisionRecord } from '../infrastructure/triage.repository';
import type { TriageRule } from '../domain/triage-rule';

@ObjectType('TriageRule', { description: 'Category and words that send an enquiry to a queue, with a priority and articles to signpost.' })
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

@InputType('TriageEnquiryInput', { description: 'Confirms or overrides the suggested triage; an override needs a reason.' })
export class TriageEnquiryInput {
  @Field(() => ID) @IsUUID() enquiryId!: string;
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'queueId must be a queue code' }) queueId!: string;
  @Field(() => String) @IsIn(ENQUIRY_PRIORITIES) priority!: EnquiryPriority;
  @Field(() => [ID], { description: 'Knowledge-base articles to signpost.' }) @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) articleIds!: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, MAX_REASON) reason?: string;
}

@InputType('SaveTriageRuleInput', { description: 'A new triage rule, or (with its id) a change to one.' })
export class SaveTriageRuleInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) position!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'category must be a lower-case code' }) category?: string | null;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 100, { each: true }) keywords!: string[];
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'queueId must be a queue code' }) queueId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(ENQUIRY_PRIORITIES) priority?: EnquiryPriority | null;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) articleIds!: string[];
  @Field() @IsBoolean() active!: boolean;
}

@Resolver(() => EnquiryModel)
export class TriageResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commands: TriageCommands,
    private readonly triage: TriageRepository,
    private readonly enquiries: EnquiryQueries,
  ) {}

  @Query(() => [TriageRuleModel], { description: 'Every triage rule, in the order they are tried.' })
  @Roles(...OFFICERS)
  async triageRules(): Promise<TriageRule[]> {
    return this.triage.rules(this.dataSource.manager, false);
  }

  @Mutation(() => TriageRuleModel, { description: 'Team leaders add or change a triage rule.' })
  @Roles(...TEAM_LEADERS)
  async saveTriageRule(@Args('input') input: SaveTriageRuleInput, @CurrentPrincipal() principal: Principal) {
    return this.commands.saveRule({ ...input, category: input.category ?? null, priority: input.priority ?? null, ...(input.id ? { id: input.id } : {}) }, principal);
  }

  @Mutation(() => EnquiryModel, { description: "Confirms or overrides the rules' triage of an enquiry." })
  @Roles(...OFFICERS)
  async triageEnquiry(@Args('input') input: TriageEnquiryInput, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const { enquiryId, queueId, priority, articleIds, reason } = input;
    return EnquiryModel.from(await this.commands.decide(enquiryId, { queueId, priority, articleIds, ...(reason ? { reason } : {}) }, principal, correlationId));
  }

  @ResolveField(() => [TriageDecisionModel], { description: 'Triage decisions, oldest first.' })
  async triageDecisions(@Parent() parent: EnquiryModel, @CurrentPrincipal() principal: Principal): Promise<TriageDecisionRecord[]> {
    if (!isStaff(principal)) throw new ForbiddenError('Only the service centre sees triage decisions');
    await this.enquiries.get(parent.id, principal);
    return this.triage.decisions(this.dataSource.manager, parent.id);
  }
}
