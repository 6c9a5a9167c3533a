import { Field, ID, Int } from '@nestjs/graphql';
import { ObjectType } from '../../enforcement.graphql';

@ObjectType('FineWriteOff')
export class WriteOffModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => Int) amountPence!: number;
  @Field() reason!: string;
  @Field() status!: string;
  @Field() requestedBy!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
}
