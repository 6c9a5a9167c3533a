import { Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { NullableArgs } from '@ccsc/platform';
import { DEADLINE_RUNNERS } from '../../roles';
import { DeadlineRun } from '../application/deadline-run';
import { DeadlineRunBody } from './deadline-run.inputs';
import { DeadlineRunModel } from './deadline-run.model';

/** The case-deadline run over GraphQL. */
@Resolver(() => DeadlineRunModel)
export class DeadlineRunResolver {
  constructor(private readonly deadlineRun: DeadlineRun) {}

  @Mutation(() => DeadlineRunModel, {
    description: 'Triggers the events of every case deadline that has passed (each case is moved on once).',
  })
  @Roles(...DEADLINE_RUNNERS)
  runCaseDeadlines(
    @NullableArgs('input', () => DeadlineRunBody, { description: 'The day to run for; today when absent.' })
    input: DeadlineRunBody | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadlineRunModel> {
    return this.deadlineRun.run(input?.runOn ?? undefined, principal.sub);
  }
}
