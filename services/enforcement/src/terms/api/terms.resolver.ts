import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { assertUuid } from '@ccsc/platform';
import { TermsCommands } from '../application/terms.commands';
import { FineAccountModel, PaymentTermsModel, TermsVariationModel } from '../../account/api/account.model';
import { ENFORCEMENT_OFFICERS } from '../../roles';
import { ACCOUNT_ID } from '../../api-descriptions';
import { MeansAssessmentBody, termsFrom, VaryTermsBody } from './terms.inputs';
import { MeansAssessmentModel } from './terms.model';

/** Varying a fine account's terms, and the means assessment that proposes affordable ones. */
@Resolver(() => FineAccountModel)
export class FineTermsResolver {
  constructor(private readonly terms: TermsCommands) {}

  @Mutation(() => TermsVariationModel, {
    description: 'Varies the payment terms, with the reason; the account leaves default.',
  })
  @Roles(...ENFORCEMENT_OFFICERS)
  async varyFineTerms(
    @Args('accountId', { type: () => ID, description: ACCOUNT_ID }) accountId: string,
    @Args('input', { description: 'The new terms and the reason.' }) input: VaryTermsBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const varied = await this.terms.vary(
      assertUuid(accountId, 'accountId'),
      termsFrom(input.terms),
      input.reason,
      principal,
      correlationId,
    );
    return { ...varied, terms: PaymentTermsModel.from(varied.terms) };
  }

  @Mutation(() => MeansAssessmentModel, {
    description: 'Records a means assessment and answers with the affordable terms it proposes.',
  })
  @Roles(...ENFORCEMENT_OFFICERS)
  async recordMeansAssessment(
    @Args('accountId', { type: () => ID, description: ACCOUNT_ID }) accountId: string,
    @Args('input', { description: "The defendant's means." }) input: MeansAssessmentBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { frequency, ...means } = input;
    const assessed = await this.terms.assess(
      assertUuid(accountId, 'accountId'),
      means,
      frequency ?? undefined,
      principal,
    );
    return { id: assessed.id, proposedTerms: PaymentTermsModel.from(assessed.proposedTerms) };
  }
}
