import { Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConnectionType, ObjectType } from '../../enforcement.graphql';
import { SUSPENSE_REASONS, SUSPENSE_STATES, SuspenseItem } from '../domain/suspense-item';

@ObjectType('FineSuspenseItem', {
  description: 'A payment, or the part of one, that no fine account could take, and where the money has got to.',
})
export class SuspenseItemModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field(() => ID) @ApiProperty() paymentId!: string;
  @Field({ description: 'The account number the payment quoted (it may name no account).' })
  @ApiProperty({ description: 'The account number the payment quoted (it may name no account).' })
  accountNumber!: string;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field({ description: `Why it is in suspense: ${SUSPENSE_REASONS.join(', ')}.` })
  @ApiProperty({ enum: SUSPENSE_REASONS })
  reason!: string;
  @Field({ description: '`payments`, or `warrant` for what an enforcement agent collected.' })
  @ApiProperty({ enum: ['payments', 'warrant'] })
  source!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() method!: string | null;
  @Field() @ApiProperty() receivedAt!: Date;
  @Field() @ApiProperty() suspendedAt!: Date;
  @Field({ description: SUSPENSE_STATES.join(', ') }) @ApiProperty({ enum: SUSPENSE_STATES }) state!: string;
  @Field(() => Date, { nullable: true, description: 'When the payment bounced: nothing is left to work.' })
  @ApiPropertyOptional()
  reversedAt!: Date | null;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() allocatedAccountId!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() allocatedBy!: string | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional() allocatedAt!: Date | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() refundRequestedBy!: string | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional() refundRequestedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: "Payments' refund, once it has named it." })
  @ApiPropertyOptional()
  refundId!: string | null;
  @Field(() => Date, { nullable: true }) @ApiPropertyOptional() refundedAt!: Date | null;

  static from(item: SuspenseItem): SuspenseItemModel {
    return Object.assign(new SuspenseItemModel(), item);
  }
}

export const SuspenseItemConnection = ConnectionType(SuspenseItemModel, 'FineSuspenseItem');
