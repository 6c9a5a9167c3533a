import { Field, ID, Int } from '@nestjs/graphql';
import { ObjectType } from '../../enforcement.graphql';
import type { Warrant } from '../domain/warrant';

@ObjectType('FineWarrant', { description: 'A warrant issued by an enforcement action, and where it has got to.' })
export class WarrantModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field() accountNumber!: string;
  @Field() kind!: string;
  @Field({ description: 'issued, with-agent, executed, returned-unexecuted, withdrawn or expired.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'The enforcement agent holding it.' }) agent!: string | null;
  @Field(() => Int, { nullable: true, description: 'What an executed warrant collected.' })
  collectedPence!: number | null;
  @Field() issuedOn!: string;
  @Field() expiresOn!: string;

  static from(w: Warrant): WarrantModel {
    return Object.assign(new WarrantModel(), w);
  }
}
