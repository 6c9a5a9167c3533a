import { Field, ID } from '@nestjs/graphql';
import { ObjectType } from '../../enforcement.graphql';

@ObjectType('EnforcementAction', { description: 'An enforcement action taken on an account.' })
export class EnforcementActionModel {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field() takenBy!: string;
  @Field() takenAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The warrant the action issued, if it issues one.' }) warrantId?:
    string | null;
}
