import { Field, ID } from '@nestjs/graphql';
import { PaymentTermsModel } from '../../account/api/account.model';
import { ObjectType } from '../../enforcement.graphql';

@ObjectType('FineMeansAssessment', {
  description: 'A means assessment as recorded, and the affordable terms it proposes for the balance.',
})
export class MeansAssessmentModel {
  @Field(() => ID) id!: string;
  @Field(() => PaymentTermsModel, { description: 'The officer varies the terms to these if they agree.' })
  proposedTerms!: PaymentTermsModel;
}
