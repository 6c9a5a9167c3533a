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
  async receiveDocument(
    @Args('input', { description: 'The case, and the document received for it.' }) input: ReceiveDocumentInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const { caseId, ...command } = input;
    return DocumentModel.from(await this.commands.receive(caseId, command, principal, correlationId), principal);
  }

  @Mutation(() => DocumentModel, { description: 'Accepts or rejects (with a reason) a document awaiting review.' })
  @Roles(...DOCUMENT_REVIEWERS)
  async reviewDocument(
    @Args('input', { description: 'The case, the document awaiting review, and the decision on it.' })
    input: ReviewDocumentInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    return DocumentModel.from(
      await this.commands.review(input.caseId, input.documentId, input, principal, correlationId),
      principal,
    );
  }

  @ResolveField(() => [DocumentModel], { description: 'Documents received for the case, oldest first.' })
  async documents(@Parent() parent: CaseModel, @CurrentPrincipal() principal: Principal) {
    return (await this.queries.list(parent.id, principal)).map((document) => DocumentModel.from(document, principal));
  }
}
