import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectType } from '../../enforcement.graphql';
import { ACCOUNT_ID, ACCOUNT_NUMBER_EXAMPLE, CURSOR_EXAMPLE, NEXT_CURSOR } from '../../api-descriptions';
import { type Warrant, WARRANT_STATUSES, WARRANT_VALIDITY_DAYS } from '../domain/warrant';

const WARRANT_ID = "The warrant's id (UUID).";
const ACCOUNT_NUMBER = "The account's number, as printed on notices.";
const KIND = 'The action that issued it: `warrant-of-control` (enforcement agents) or `committal-warrant`.';
const STATUS =
  '`issued`, `with-agent`, `executed`, `returned-unexecuted`, `withdrawn` or `expired`; the last four are final.';
const AGENT =
  "The enforcement agency it was given to, the organisation (`org`) its agents' tokens name: the only one that may report it executed. Null until it is given to one.";
const COLLECTED =
  'What an executed warrant collected, in pence: it is applied to the account as a payment. Null unless executed.';
const ISSUED_ON = 'The day it was issued, YYYY-MM-DD.';
const EXPIRES_ON = `The last day it is in force, YYYY-MM-DD: ${WARRANT_VALIDITY_DAYS} days after it was issued. The next default run after it marks an unexecuted warrant expired.`;

@ObjectType('FineWarrant', { description: 'A warrant issued by an enforcement action, and where it has got to.' })
export class WarrantModel {
  @Field(() => ID, { description: WARRANT_ID }) @ApiProperty({ format: 'uuid', description: WARRANT_ID }) id!: string;
  @Field(() => ID, { description: ACCOUNT_ID })
  @ApiProperty({ format: 'uuid', description: ACCOUNT_ID })
  accountId!: string;
  @Field({ description: ACCOUNT_NUMBER })
  @ApiProperty({ description: ACCOUNT_NUMBER, example: ACCOUNT_NUMBER_EXAMPLE })
  accountNumber!: string;
  @Field({ description: KIND })
  @ApiProperty({ enum: ['warrant-of-control', 'committal-warrant'], description: KIND })
  kind!: string;
  @Field({ description: STATUS })
  @ApiProperty({ enum: WARRANT_STATUSES, description: STATUS, example: 'with-agent' })
  status!: string;
  @Field(() => String, { nullable: true, description: AGENT })
  @ApiProperty({ type: String, nullable: true, description: AGENT, example: 'agency-marston' })
  agent!: string | null;
  @Field(() => Int, { nullable: true, description: COLLECTED })
  @ApiProperty({ type: 'integer', nullable: true, description: COLLECTED, example: null })
  collectedPence!: number | null;
  @Field({ description: ISSUED_ON })
  @ApiProperty({ format: 'date', description: ISSUED_ON, example: '2027-01-15' })
  issuedOn!: string;
  @Field({ description: EXPIRES_ON })
  @ApiProperty({ format: 'date', description: EXPIRES_ON, example: '2028-01-15' })
  expiresOn!: string;

  static from(w: Warrant): WarrantModel {
    return Object.assign(new WarrantModel(), w);
  }
}

/** A REST page of warrants. */
export class WarrantPageModel {
  @ApiProperty({ type: [WarrantModel], description: 'The warrants of this page, newest issued first.' })
  items!: WarrantModel[];
  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR, example: CURSOR_EXAMPLE })
  nextCursor!: string | null;
}
