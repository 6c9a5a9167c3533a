import { Field, ID, Int } from '@nestjs/graphql';
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

@InputType('TriageEnquiryInput', {
  description: 'Confirms or overrides the suggested triage; an override needs a reason.',
})
export class TriageEnquiryInput {
  @Field(() => ID) @IsUUID() enquiryId!: string;
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'queueId must be a queue code' }) queueId!: string;
  @Field(() => String) @IsIn(ENQUIRY_PRIORITIES) priority!: EnquiryPriority;
  @Field(() => [ID], { description: 'Knowledge-base articles to signpost.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  articleIds!: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, MAX_REASON) reason?: string;
}

@InputType('SaveTriageRuleInput', { description: 'A new triage rule, or (with its id) a change to one.' })
export class SaveTriageRuleInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) position!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'category must be a lower-case code' })
  category?: string | null;
  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keywords!: string[];
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'queueId must be a queue code' }) queueId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(ENQUIRY_PRIORITIES) priority?: EnquiryPriority | null;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) articleIds!: string[];
  @Field() @IsBoolean() active!: boolean;
}
