import { Field, Int } from '@nestjs/graphql';
import { ObjectType } from '../../enforcement.graphql';

@ObjectType('FineDefaultRun', { description: 'What one default run did.' })
export class DefaultRunModel {
  @Field({ description: 'The day it ran for (London).' }) runOn!: string;
  @Field(() => Int, { description: 'Accounts that went into default.' }) defaulted!: number;
  @Field(() => Int, { description: 'Enforcement actions it took.' }) actions!: number;
  @Field(() => Int, { description: 'Warrants those actions issued.' }) warrants!: number;
  @Field(() => Int, { description: 'Warrants left unexecuted past their date, now expired.' }) expiredWarrants!: number;
  @Field(() => Int) durationMs!: number;
}
