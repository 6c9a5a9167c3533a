import { Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { NullableArgs } from '@ccsc/platform';
import { DefaultRun } from '../application/default-run.commands';
import { DEFAULT_RUN_STARTERS } from '../../roles';
import { DefaultRunBody } from './default-run.inputs';
import { DefaultRunModel } from './default-run.model';

/** The default run over GraphQL, for staff who need it now rather than at the next interval. */
@Resolver(() => DefaultRunModel)
export class DefaultRunResolver {
  constructor(private readonly defaultRun: DefaultRun) {}

  @Mutation(() => DefaultRunModel, { description: 'Runs the default run now (it is idempotent for the day).' })
  @Roles(...DEFAULT_RUN_STARTERS)
  runFineDefaults(
    @NullableArgs('input', () => DefaultRunBody, { description: 'The day to run for; today (London) when absent.' })
    input: DefaultRunBody | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.defaultRun.run(input?.runOn ?? undefined, principal.sub);
  }
}
