import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { PaymentTermsModel } from '../../account/api/account.model';
import { ObjectType } from '../../enforcement.graphql';

const ASSESSMENT_ID = "The means assessment's id (UUID).";
const PROPOSED_TERMS =
  'The terms it makes affordable for the balance. Half the weekly disposable income (income less outgoings less £30 a week for each dependant) goes to the account: when four weeks of that cover the balance, pay in full within 28 days; otherwise instalments worth that a week, at the frequency asked for (weekly by default), rounded down to whole pounds and never below £5 a week (£10 a fortnight, £21 a month), the first a week after the assessment. The officer varies the terms to these if they agree.';

@ObjectType('FineMeansAssessment', {
  description: 'A means assessment as recorded, and the affordable terms it proposes for the balance.',
})
export class MeansAssessmentModel {
  @Field(() => ID, { description: ASSESSMENT_ID })
  @ApiProperty({ format: 'uuid', description: ASSESSMENT_ID })
  id!: string;
  @Field(() => PaymentTermsModel, { description: PROPOSED_TERMS })
  @ApiProperty({ type: PaymentTermsModel, description: PROPOSED_TERMS })
  proposedTerms!: PaymentTermsModel;
}
