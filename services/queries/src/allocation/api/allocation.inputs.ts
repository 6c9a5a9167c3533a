import { Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { InputType } from '../../queries.graphql';
import { MAX_REASON } from '../../enquiry/api/enquiry.inputs';

@InputType('AssignEnquiryInput')
export class AssignEnquiryInput {
  @Field(() => ID) @IsUUID() enquiryId!: string;
  @Field({ description: "The officer's user id." }) @IsString() @Length(1, 255) officer!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, MAX_REASON) reason?: string;
}

@InputType('UnassignEnquiryInput')
export class UnassignEnquiryInput {
  @Field(() => ID) @IsUUID() enquiryId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, MAX_REASON) reason?: string;
}
