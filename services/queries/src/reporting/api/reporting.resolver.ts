import { Args, Field, Int, Query, Resolver } from '@nestjs/graphql';
import { ObjectType } from '../../queries.graphql';
import { Roles } from '@ccsc/auth';
import { OFFICERS } from '../../enquiry/api/roles';
import { ManagementInformation } from '../application/management-information';

@ObjectType('EnquiryFigures', { description: 'Enquiry management information for one London day, team, channel and category.' })
export class EnquiryFiguresModel {
  @Field() day!: string;
  @Field() team!: string;
  @Field() channel!: string;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => Int) received!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int, { description: 'Resolved without waiting for the customer, escalation or more than one reply.' }) resolvedAtFirstContact!: number;
  @Field(() => Int, { description: 'Resolution SLA met.' }) slaMet!: number;
  @Field(() => Int, { description: 'Resolution SLA missed or breached.' }) slaMissed!: number;
  @Field(() => Int, { nullable: true, description: 'Mean minutes from receipt to resolution.' }) averageHandlingMinutes!: number | null;
}

@Resolver()
export class ReportingResolver {
  constructor(private readonly mi: ManagementInformation) {}

  @Query(() => [EnquiryFiguresModel], { description: 'Volumes, first-contact resolution, SLA compliance and handling time per day, team, channel and category.' })
  @Roles(...OFFICERS)
  enquiryFigures(@Args('from', { description: 'First London day, YYYY-MM-DD.' }) from: string, @Args('to', { description: 'Last London day, YYYY-MM-DD.' }) to: string) {
    return this.mi.enquiryFigures(from, to);
  }
}
