import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { loadForCaller, type AuthenticatedRequest } from '@ccsc/auth';
import { CaseModel } from '../../case/api/case.model';
import { CorrespondenceQueries } from '../application/correspondence.queries';
import { CorrespondenceItemModel } from './correspondence-item.model';

/** The case's letters on the case, for the same readers as `GET /api/v1/cases/{caseId}/correspondence`. */
@Resolver(() => CaseModel)
export class CorrespondenceResolver {
  constructor(private readonly queries: CorrespondenceQueries) {}

  /** A page of cases asking for their letters is one batch through the request's DataLoader. */
  @ResolveField(() => [CorrespondenceItemModel], {
    description:
      "The letters, emails and texts to the case's parties, oldest first: staff see every item; a party (or its firm) only those sent to that party. A letter's PDF is at `GET /api/v1/cases/correspondence/{id}/letter.pdf`.",
  })
  async correspondence(@Parent() parent: CaseModel, @Context() context: { req: AuthenticatedRequest }) {
    const items = await loadForCaller(context, 'case-correspondence', parent.id, (ids, principal) =>
      this.queries.forCases(ids, principal),
    );
    return (items ?? []).map(CorrespondenceItemModel.from);
  }
}
