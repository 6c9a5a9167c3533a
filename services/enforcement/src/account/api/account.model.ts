import { Directive, Field, ID, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type FineAccount, type Imposition, owedOn } from '../domain/fine-account';
import type { PaymentTerms } from '../../terms/domain/payment-terms';
import { expectedSchedule } from '../../terms/domain/payment-terms';
import { ObjectType, ConnectionType } from '../../enforcement.graphql';

@ObjectType('FinePaymentTerms', {
  description: 'Pay in full by a date, or instalments with an optional lump sum first.',
})
export class PaymentTermsModel {
  @Field({ description: '`pay-by-date` or `instalments`.' })
  @ApiProperty({ enum: ['pay-by-date', 'instalments'] })
  kind!: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() payBy?: string;
  @Field(() => String, { nullable: true, description: '`weekly`, `fortnightly` or `monthly`.' })
  @ApiPropertyOptional()
  frequency?: string;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional() instalmentPence?: number;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() firstInstalment?: string;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional() lumpSumPence?: number;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() lumpSumDue?: string;

  static from(terms: PaymentTerms): PaymentTermsModel {
    return Object.assign(new PaymentTermsModel(), terms);
  }
}

@ObjectType('FineImposition', { description: 'What the court imposed, to whom it is owed, and what of it is paid.' })
export class ImpositionModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() kind!: string;
  @Field() @ApiProperty() creditor!: string;
  @Field(() => Int, { description: 'Lowest is paid first.' }) @ApiProperty() priority!: number;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field(() => Int) @ApiProperty() paidPence!: number;
  @Field(() => Int, {
    description: 'Forgone by approved write-offs (what payments would have reached last goes first).',
  })
  @ApiProperty({ description: 'Forgone by approved write-offs (what payments would have reached last goes first).' })
  writtenOffPence!: number;
  @Field(() => Int, { description: 'Still owed: on a live account the balance is the sum of these.' })
  @ApiProperty({ description: 'Still owed: on a live account the balance is the sum of these.' })
  outstandingPence!: number;

  static from(i: Imposition): ImpositionModel {
    return Object.assign(new ImpositionModel(), {
      id: i.id,
      kind: i.kind,
      creditor: i.creditor,
      priority: i.priority,
      amountPence: i.amountPence,
      paidPence: i.paidPence,
      writtenOffPence: i.writtenOffPence,
      outstandingPence: owedOn(i),
    });
  }
}

@ObjectType('FineExpectedPayment')
export class ExpectedPaymentModel {
  @Field() @ApiProperty() dueOn!: string;
  @Field(() => Int) @ApiProperty() amountPence!: number;
  @Field(() => Int) @ApiProperty() cumulativePence!: number;
}

@ObjectType('FineAccount', {
  description: 'A defendant account: what was imposed, paid and written off, its terms and its enforcement.',
})
@Directive('@key(fields: "id")')
export class FineAccountModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field({ description: 'Printed on notices: FA, eight digits and a check letter.' })
  @ApiProperty({ example: 'FA10000001K' })
  accountNumber!: string;
  @Field()
  @ApiProperty({ enum: ['fine', 'fixed-penalty', 'conditional-caution', 'confiscation-order'] })
  accountType!: string;
  @Field() @ApiProperty({ enum: ['live', 'paid', 'written-off', 'consolidated', 'transferred-out'] }) status!: string;
  @Field() @ApiProperty() businessUnit!: string;
  @Field(() => ID, { nullable: true }) @ApiPropertyOptional() caseId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The defendant, a party of the case.' })
  @ApiPropertyOptional()
  defendantPartyId!: string | null;
  @Field() @ApiProperty() enforcementPath!: string;
  @Field(() => Int) @ApiProperty() imposedPence!: number;
  @Field(() => Int) @ApiProperty() paidPence!: number;
  @Field(() => Int) @ApiProperty() writtenOffPence!: number;
  @Field(() => Int) @ApiProperty() balancePence!: number;
  @Field(() => PaymentTermsModel) @ApiProperty({ type: PaymentTermsModel }) terms!: PaymentTermsModel;
  @Field(() => [ExpectedPaymentModel], { description: 'The expected payments the terms make of what was imposed.' })
  @ApiProperty({ type: [ExpectedPaymentModel] })
  schedule!: ExpectedPaymentModel[];
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() defaultedOn!: string | null;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional() arrearsPence!: number | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional() lastAction!: string | null;
  @Field() @ApiProperty() onHold!: boolean;
  @Field() @ApiProperty() openedAt!: Date;

  static from(a: FineAccount): FineAccountModel {
    const { terms, consolidatedInto: _ignored, termsVersion: _version, lastActionOn: _on, ...rest } = a;
    return Object.assign(new FineAccountModel(), {
      ...rest,
      terms: PaymentTermsModel.from(terms),
      schedule: expectedSchedule(terms, a.imposedPence),
    });
  }
}

/** The REST shape of one account: the account with its impositions and what an officer may do next. */
export class FineAccountDetail extends FineAccountModel {
  @ApiProperty({ type: [ImpositionModel] }) impositions!: ImpositionModel[];
  @ApiProperty({ type: [String] }) permittedActions!: string[];
}

export const FineAccountConnection = ConnectionType(FineAccountModel, 'FineAccount');

@ObjectType('FineTermsVariation')
export class TermsVariationModel {
  @Field(() => Int) version!: number;
  @Field(() => PaymentTermsModel) terms!: PaymentTermsModel;
  @Field() reason!: string;
  @Field() changedBy!: string;
  @Field() changedAt!: Date;
}

/** The cases service's Case, extended here with its fine accounts. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseRef {
  @Field(() => ID) id!: string;
}
