import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@ccsc/auth';
import { OFFICERS, TEAM_LEADERS } from '../../roles';
import { SlaBreachRun, SlaCommands } from '../application/sla.commands';
import { SlaQueries } from '../application/sla.queries';
import type { SlaPolicy } from '../domain/sla-policy';
import { SaveSlaPolicyInput, slaPolicyOf } from './sla.inputs';
import { SlaPolicyModel, SlaRunResultModel } from './sla.model';

@Resolver()
export class SlaResolver {
  constructor(
    private readonly run: SlaBreachRun,
    private readonly commands: SlaCommands,
    private readonly queries: SlaQueries,
  ) {}

  @Query(() => [SlaPolicyModel], { description: 'The SLA policy table.' })
  @Roles(...OFFICERS)
  slaPolicies() {
    return this.queries.policies();
  }

  @Mutation(() => SlaPolicyModel, {
    description: 'Team leaders set an SLA target; clocks already running keep theirs.',
  })
  @Roles(...TEAM_LEADERS)
  saveSlaPolicy(
    @Args('input', { description: 'The channel, category and clock, and the target to set for them.' })
    input: SaveSlaPolicyInput,
  ): Promise<SlaPolicy> {
    return this.commands.savePolicy(slaPolicyOf(input));
  }

  @Mutation(() => SlaRunResultModel, { description: 'Runs the SLA check now (it also runs on a timer).' })
  @Roles(...TEAM_LEADERS)
  runSlaCheck() {
    return this.run.run();
  }
}
