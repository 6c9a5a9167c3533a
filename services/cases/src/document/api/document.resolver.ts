import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { CaseModel } from '../../case/api/case.model';
import { CASE_CREATORS, DOCUMENT_REVIEWERS } from '../../roles';
import { DocumentCommands } from '../application/document.commands';
import { DocumentQueries } from '../application/document.queries';
import { ReceiveDocumentInput, ReviewDocumentInput } from './document.inputs';
import { DocumentModel } from './document.model';

@Resolver(() => CaseModel)
export class DocumentResolver {
  constructor(
    private readonly commands: DocumentCommands,
    private readonly queries: DocumentQueries,
  ) {}

  @Mutation(() => DocumentModel, { description: 'Records a document received for a case.' })
  @Roles(...CASE_CREATORS)
  receiveDocument(
    @Args('input') input: ReceiveDocumentInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const { caseId, ...command } = input;
    return this.commands.receive(caseId, command, principal, correlationId);
  }

  @Mutation(() => DocumentModel, { description: 'Accepts or rejects (with a reason) a document awaiting review.' })
  @Roles(...DOCUMENT_REVIEWERS)
  reviewDocument(
    @Args('input') input: ReviewDocumentInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return this.commands.review(input.caseId, input.documentId, input.decision, input.reason, principal, correlationId);
  }

  @ResolveField(() => [DocumentModel], { description: 'Documents received for the case, oldest first.' })
  documents(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(parent.id, principal);
  }
}
